from django.urls import path

from haven.portal.views import common, public, questions, refer

app_name = "portal"
urlpatterns = [
    # public: no sign-in (issue 14 items 1-3, 5)
    path("help/", public.help_index, name="help"),
    path("help/hide-your-visit/", public.hide_your_visit, name="hide_your_visit"),
    path("help/exit/", common.exit_page, name="exit"),
    path("help/<slug:slug>/", public.service, name="service"),
    path("refer/<slug:slug>/", refer.safety, name="refer"),
    path("refer/<slug:slug>/about-you/", refer.about_you, name="refer_about"),
    path("refer/<slug:slug>/web-chat/", refer.chat, name="refer_chat"),
    path("refer/<slug:slug>/check/", refer.check, name="refer_check"),
    path("refer/<slug:slug>/sent/", refer.sent, name="refer_sent"),
    path("questions/answer/", questions.collect, name="collect"),
    # staff: the queue of quick questions of their provider's contracts
    path("questions/staff/", questions.queue, name="queue"),
    path("questions/staff/<uuid:question_id>/", questions.answer, name="answer"),
    path("questions/<slug:slug>/", questions.ask, name="ask"),
    path("questions/<slug:slug>/sent/", questions.question_sent, name="question_sent"),
]
