from typing import Any

app_name = "appraisal"
urlpatterns: list[Any] = []
