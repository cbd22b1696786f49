from kohtaamo.reviews.api.reads import router

__all__ = ["router"]
