from typing import Any

app_name = "finance"
urlpatterns: list[Any] = []
