from typing import Any

app_name = "workforce"
urlpatterns: list[Any] = []
