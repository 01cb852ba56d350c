from typing import Any

app_name = "handover"
urlpatterns: list[Any] = []
