import pytest

from kohtaamo.conftest import Cast
from kohtaamo.testing.clients import client_for


@pytest.mark.django_db
def test_staff_flag_alone_does_not_open_the_django_admin(cast: Cast) -> None:
    # Given a lead whose is_staff was ticked by hand
    cast.lead.is_staff = True
    cast.lead.save()
    # When they open the admin
    response = client_for(cast.lead).get("/admin/")
    # Then they are sent to the admin login, not let in
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_administrator_opens_the_django_admin(cast: Cast) -> None:
    assert client_for(cast.admin).get("/admin/").status_code == 200
