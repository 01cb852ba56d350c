from typing import Any

app_name = "events"
urlpatterns: list[Any] = []
