from typing import Any

app_name = "consent"
urlpatterns: list[Any] = []
