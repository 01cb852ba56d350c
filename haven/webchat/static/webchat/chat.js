// The secure web chat, live (issue 14 item 4). Without this script the chat still works: the
// form POSTs a message and "Check for new messages" reloads the page. With it: messages travel
// over the WebSocket; when the WebSocket cannot connect (a proxy blocks it) the page polls the
// messages every few seconds and the form still POSTs. Messages are added as text, never HTML.
const POLL_MS = 4000;

function start(root) {
  const live = () => root.querySelector("[data-chat-live]");
  const form = root.querySelector("form[data-chat-form]");
  const labels = { person: root.dataset.labelPerson, staff: root.dataset.labelStaff };
  let socket = null;
  let polling = null;
  let ended = false;
  let leaving = false; // a form (End chat) is already taking the page elsewhere
  window.addEventListener("beforeunload", () => {
    leaving = true;
  });
  const reload = () => {
    if (!leaving) window.location.reload();
  };

  const seen = () => new Set([...root.querySelectorAll("[data-chat-messages] [data-id]")].map((li) => li.dataset.id));

  function add(message) {
    if (seen().has(message.id)) return;
    const list = root.querySelector("[data-chat-messages]");
    const empty = root.querySelector("[data-chat-empty]");
    if (empty) empty.remove();
    const item = document.createElement("li");
    item.className = `haven-chat__message haven-chat__message--${message.sender}`;
    item.dataset.id = message.id;
    const meta = document.createElement("p");
    meta.className = "govuk-body-s govuk-!-margin-bottom-1";
    const who = document.createElement("strong");
    who.textContent = labels[message.sender] || "";
    meta.append(who, ` at ${message.time}`);
    const body = document.createElement("p");
    body.className = "govuk-body haven-chat__body";
    body.textContent = message.body;
    item.append(meta, body);
    list.append(item);
  }

  function setStatus(event) {
    const text = event[root.dataset.side];
    const status = root.querySelector("[data-chat-status]");
    if (status && text && status.textContent !== text) status.textContent = text;
    if (event.status === "ended" || event.status === "cancelled") {
      ended = true;
      reload();
    }
  }

  function showError(text) {
    let error = root.querySelector("[data-chat-error]");
    if (!error) {
      error = document.createElement("p");
      error.className = "govuk-error-message";
      error.dataset.chatError = "";
      error.setAttribute("role", "alert");
      form.prepend(error);
    }
    error.textContent = text;
  }

  async function poll() {
    try {
      // a refresh the page makes by itself: not activity for the idle sign-out
      const response = await fetch(root.dataset.pollUrl, {
        credentials: "same-origin",
        headers: { "X-Haven-Background": "true" },
      });
      if (!response.ok) return;
      const fragment = new DOMParser().parseFromString(await response.text(), "text/html");
      const known = seen();
      const list = root.querySelector("[data-chat-messages]");
      for (const item of fragment.querySelectorAll("[data-chat-messages] [data-id]")) {
        if (!known.has(item.dataset.id)) {
          const empty = root.querySelector("[data-chat-empty]");
          if (empty) empty.remove();
          list.append(document.importNode(item, true));
        }
      }
      const status = fragment.querySelector("[data-chat-status]");
      const current = root.querySelector("[data-chat-status]");
      if (status && current && status.textContent !== current.textContent) {
        current.textContent = status.textContent;
        if (/ended/.test(status.textContent)) reload();
      }
    } catch {
      // offline for a moment: the next poll tries again
    }
  }

  function startPolling() {
    if (!polling && !ended) polling = window.setInterval(poll, POLL_MS);
  }

  function connect() {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    try {
      socket = new WebSocket(`${scheme}//${window.location.host}${root.dataset.wsPath}`);
    } catch {
      startPolling();
      return;
    }
    socket.addEventListener("open", () => {
      root.dataset.chatConnected = "websocket";
      if (polling) {
        window.clearInterval(polling);
        polling = null;
      }
    });
    socket.addEventListener("message", (frame) => {
      const event = JSON.parse(frame.data);
      if (event.type === "message") add(event);
      else if (event.type === "status") setStatus(event);
      else if (event.type === "error" && form) showError(event.message);
    });
    socket.addEventListener("close", () => {
      socket = null;
      delete root.dataset.chatConnected;
      startPolling();
    });
  }

  if (form) {
    form.addEventListener("submit", (submitEvent) => {
      if (!socket || socket.readyState !== WebSocket.OPEN) return; // the form POSTs
      submitEvent.preventDefault();
      const field = form.querySelector("textarea");
      if (!field.value.trim()) {
        showError("Enter a message");
        return;
      }
      socket.send(JSON.stringify({ body: field.value }));
      field.value = "";
      const error = root.querySelector("[data-chat-error]");
      if (error) error.remove();
      field.focus();
    });
  }
  connect();
}

for (const root of document.querySelectorAll("[data-chat]")) start(root);
