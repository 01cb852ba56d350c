app_name = "webchat"
urlpatterns: list = []
