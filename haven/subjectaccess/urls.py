from typing import Any

app_name = "subjectaccess"
urlpatterns: list[Any] = []
