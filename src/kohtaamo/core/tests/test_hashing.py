from kohtaamo.core.hashing import secret_digest


def test_a_secret_is_stored_as_its_sha256() -> None:
    # The SHA-256 of "abc" from FIPS 180-2, appendix B.1.
    assert secret_digest("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
