from typing import Any

app_name = "retention"
urlpatterns: list[Any] = []
