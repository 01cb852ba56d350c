from typing import Any

app_name = "restorative"
urlpatterns: list[Any] = []
