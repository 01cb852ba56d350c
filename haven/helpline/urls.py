from typing import Any

app_name = "helpline"
urlpatterns: list[Any] = []
