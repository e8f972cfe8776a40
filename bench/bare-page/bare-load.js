// The list bench's reference page: no app. The moment the page starts, the list page named by `?list=`
// is fetched, read whole and parsed, as the floor does in a page already open; then one line is painted.
(async () => {
  const list = new URLSearchParams(location.search).get('list');
  const token = sessionStorage.getItem('nuextract.token');
  const response = await fetch(list, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) {
    window.__bareFailed = `${response.status} ${await response.text()}`;
    return;
  }
  const body = JSON.parse(await response.text());
  document.body.textContent = `${body.items.length} jobs`;
  requestAnimationFrame(() =>
    setTimeout(() => {
      window.__bareAt = performance.now();
    }, 0),
  );
})();
