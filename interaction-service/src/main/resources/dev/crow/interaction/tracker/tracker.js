/*! CROW tracker: sends page views and clicks to CROW with a write-only (interactions:ingest) key.
 * <script async src="https://api.crowai.dev/api/v1/interactions/tracker.js" data-key="crow_..."></script>
 * window.crow.track(type, {productId, value, metadata}) records add_to_cart, purchase, search, ... */
(function (window, document) {
  'use strict';
  var script = document.currentScript;
  if (!script || (window.crow && window.crow.version)) { return; }
  var key = script.getAttribute('data-key');
  var endpoint = script.getAttribute('data-endpoint') || script.src.replace(/\/tracker\.js(\?.*)?$/, '');
  var privacy = navigator.doNotTrack === '1' || navigator.globalPrivacyControl === true;
  if (!key || (privacy && script.getAttribute('data-respect-dnt') !== 'false')) { return; }

  var SESSION_TIMEOUT = 30 * 60 * 1000, MAX_BATCH = 50, MAX_BYTES = 60000, FLUSH_MS = 2000;
  var queue = [], timer = null, lastUrl = null;

  function randomId() {
    var bytes = new Uint8Array(16), out = '';
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    for (var i = 0; i < bytes.length; i++) { out += (bytes[i] + 256).toString(16).slice(1); }
    return out;
  }
  function stored(storage, name, make) {
    try {
      var value = storage.getItem(name);
      if (!value) { value = make(); storage.setItem(name, value); }
      return value;
    } catch (e) { return make(); }
  }
  var visitorId = stored(window.localStorage, 'crow_vid', randomId);
  function sessionId() {
    var now = Date.now(), session;
    try { session = JSON.parse(window.localStorage.getItem('crow_sid') || 'null'); } catch (e) { session = null; }
    if (!session || now - session.last > SESSION_TIMEOUT) { session = { id: randomId(), last: now }; }
    session.last = now;
    try { window.localStorage.setItem('crow_sid', JSON.stringify(session)); } catch (e) { /* private mode */ }
    return session.id;
  }
  function text(value, max) { return value ? String(value).replace(/\s+/g, ' ').trim().slice(0, max) : undefined; }

  function send(batch, unloading) {
    var body = JSON.stringify({ interactions: batch });
    var request = {
      method: 'POST', keepalive: true, credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': key }, body: body
    };
    if (!window.fetch) { return; }
    window.fetch(endpoint, request).catch(function () {
      // one retry with the same ids: the service deduplicates a resend
      if (!unloading && !batch.retried) { batch.retried = true; queue = batch.concat(queue); schedule(); }
    });
  }
  function flush(unloading) {
    if (timer) { clearTimeout(timer); timer = null; }
    while (queue.length) {
      var batch = [], size = 20;
      while (queue.length && batch.length < MAX_BATCH) {
        var length = JSON.stringify(queue[0]).length + 1;
        if (batch.length && size + length > MAX_BYTES) { break; }
        size += length;
        batch.push(queue.shift());
      }
      send(batch, unloading);
    }
  }
  function schedule() { if (!timer) { timer = setTimeout(function () { flush(false); }, FLUSH_MS); } }

  function track(type, properties) {
    properties = properties || {};
    var interaction = {
      id: randomId(), sourceType: 'web', type: type, occurredAt: new Date().toISOString(),
      visitorId: visitorId, sessionId: sessionId(), url: text(properties.url || window.location.href, 2048)
    };
    if (properties.productId) { interaction.productId = text(properties.productId, 128); }
    if (typeof properties.value === 'number' && isFinite(properties.value)) { interaction.value = properties.value; }
    if (properties.metadata) { interaction.metadata = properties.metadata; }
    queue.push(interaction);
    if (queue.length >= MAX_BATCH) { flush(false); } else { schedule(); }
  }
  function pageView() {
    var url = window.location.href;
    if (url === lastUrl) { return; }
    lastUrl = url;
    track('page_view', { metadata: { title: text(document.title, 200), referrer: text(document.referrer, 500) } });
  }
  function productOf(element) {
    var marked = element.closest && element.closest('[data-crow-product]');
    return marked ? marked.getAttribute('data-crow-product') : undefined;
  }

  document.addEventListener('click', function (event) {
    var target = event.target && event.target.closest && event.target.closest('a,button,[data-crow-track]');
    if (!target) { return; }
    track(target.getAttribute('data-crow-track') || 'click', {
      productId: productOf(target),
      metadata: { text: text(target.innerText || target.value, 80), href: text(target.href, 500),
                  element: target.tagName.toLowerCase(), elementId: text(target.id, 80) }
    });
  }, true);
  ['pushState', 'replaceState'].forEach(function (name) {
    var original = window.history[name];
    window.history[name] = function () { var result = original.apply(this, arguments); pageView(); return result; };
  });
  window.addEventListener('popstate', pageView);
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { flush(true); } });
  window.addEventListener('pagehide', function () { flush(true); });

  window.crow = { version: 1, track: track, flush: function () { flush(false); } };
  pageView();
})(window, document);
