/// <reference types="office-js" />

function setStatus(text: string): void {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
}

if (typeof Office !== 'undefined') {
  void Office.onReady((info) => {
    setStatus(info.host ? `已连接 ${info.host} / Connected to ${info.host}` : '已就绪 / Ready');
  });
} else {
  setStatus('未在 Office 中运行 / Not running inside Office');
}
