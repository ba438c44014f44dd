// The Dynabox console: plain JavaScript, no framework, nothing loaded from elsewhere.
// Every DynamoDB call goes to POST /dynabox/console/api/call, which runs it in the chosen
// namespace; pages are read a page at a time (Limit), so a table of any size stays fast.
'use strict';

const $ = (id) => document.getElementById(id);
const API = '/dynabox/console/api/';

const state = {
  readOnly: false,
  namespace: null,
  table: null,          // the DescribeTable answer's Table
  pageKeys: [null],     // ExclusiveStartKey of each page seen so far (null: the first)
  page: 0,
  lastKey: null,        // LastEvaluatedKey of the page shown
  items: [],
  editing: null,        // the item in the editor (DynamoDB JSON), or null for a new one
  statementToken: null,
};

// ---- talking to the engine --------------------------------------------------------------

async function api(path, body) {
  const init = { headers: { 'X-Dynabox-Console': '1' } };
  if (body !== undefined) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  const text = await response.text();
  const answer = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const type = (answer.__type || 'Error').replace(/^.*#/, '');
    throw new Error(type + ': ' + (answer.message || answer.Message || response.status));
  }
  return answer;
}

function call(action, request) {
  return api('call', { namespace: state.namespace, action, request });
}

// ---- plain JSON <-> DynamoDB JSON ---------------------------------------------------------

// Objects made from user data have no prototype, and are read through own(): an attribute or a map
// key named __proto__ is then an own property like any other (obj[key] = ... on a plain {} would set
// the object's prototype instead, and item.__proto__ of an item without one would be Object.prototype).
const record = () => Object.create(null);
const own = (obj, key) => (Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined);

// A number kept as its text, so 38-digit numbers survive the round trip.
class Num { constructor(text) { this.text = text; } }

// JSON.parse, except that numbers become Num objects holding their exact text.
function parseExact(text) {
  let i = 0;
  const fail = (what) => { throw new Error('JSON: ' + what + ' at position ' + i); };
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) i++; };
  function value() {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; const obj = record(); ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws(); if (text[i] !== '"') fail('expected a name');
        const key = string(); ws();
        if (text[i++] !== ':') fail('expected :');
        obj[key] = value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return obj; }
        fail('expected , or }');
      }
    }
    if (c === '[') {
      i++; const arr = []; ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(value()); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return arr; }
        fail('expected , or ]');
      }
    }
    if (c === '"') return string();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m && m[0].length) { i += m[0].length; return new Num(m[0]); }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]]) {
      if (text.startsWith(word, i)) { i += word.length; return v; }
    }
    fail('unexpected ' + (c === undefined ? 'end' : JSON.stringify(c)));
  }
  function string() {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i));
  }
  const result = value(); ws();
  if (i < text.length) fail('unexpected text after the value');
  return result;
}

// JSON.stringify that writes Num objects as their text.
function stringifyExact(v, indent = 2, depth = 0) {
  const pad = ' '.repeat(indent * (depth + 1)), end = ' '.repeat(indent * depth);
  if (v instanceof Num) return v.text;
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return '[\n' + v.map((x) => pad + stringifyExact(x, indent, depth + 1)).join(',\n') + '\n' + end + ']';
  }
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (!keys.length) return '{}';
    return '{\n' + keys.map((k) => pad + JSON.stringify(k) + ': ' + stringifyExact(v[k], indent, depth + 1)).join(',\n') + '\n' + end + '}';
  }
  return JSON.stringify(v);
}

// A binary or a set is written {"$B": ...}, {"$SS": [...]} and so on. A map whose only key is one
// of these markers (or $M itself) is written {"$M": {...}}, so every item reads back as it was.
const MARKERS = ['$B', '$SS', '$NS', '$BS', '$M'];

function toPlain(av) {
  const [type] = Object.keys(av);
  const v = av[type];
  switch (type) {
    case 'S': return v;
    case 'N': return new Num(v);
    case 'BOOL': return v;
    case 'NULL': return null;
    case 'L': return v.map(toPlain);
    case 'M': {
      const map = plainItem(v);
      const keys = Object.keys(map);
      return keys.length === 1 && MARKERS.includes(keys[0]) ? { $M: map } : map;
    }
    case 'B': return { $B: v };
    case 'SS': return { $SS: v };
    case 'NS': return { $NS: v.map((n) => new Num(n)) };
    case 'BS': return { $BS: v };
    default: throw new Error('unknown attribute type ' + type);
  }
}

function plainItem(item) {
  const out = record();
  for (const [k, v] of Object.entries(item)) out[k] = toPlain(v);
  return out;
}

function fromPlain(v) {
  if (v === null) return { NULL: true };
  if (v instanceof Num) return { N: v.text };
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'boolean') return { BOOL: v };
  if (typeof v === 'number') return { N: String(v) };
  if (Array.isArray(v)) return { L: v.map(fromPlain) };
  const keys = Object.keys(v);
  if (keys.length === 1 && MARKERS.includes(keys[0])) return fromMarker(keys[0], v[keys[0]]);
  return { M: dynamoItem(v) };
}

function fromMarker(marker, inner) {
  const wrong = (what) => { throw new Error(marker + ' takes ' + what + ' (for a map whose only key is ' + marker + ', write {"$M": {...}})'); };
  const strings = () => Array.isArray(inner) && inner.every((x) => typeof x === 'string');
  switch (marker) {
    case '$M':
      if (!inner || typeof inner !== 'object' || Array.isArray(inner) || inner instanceof Num) wrong('an object, the map');
      return { M: dynamoItem(inner) };
    case '$B':
      if (typeof inner !== 'string') wrong('a base64 string');
      return { B: inner };
    case '$SS':
      if (!strings()) wrong('an array of strings');
      return { SS: inner };
    case '$BS':
      if (!strings()) wrong('an array of base64 strings');
      return { BS: inner };
    default:
      if (!Array.isArray(inner) || !inner.every((n) => n instanceof Num || typeof n === 'string')) wrong('an array of numbers');
      return { NS: inner.map((n) => (n instanceof Num ? n.text : n)) };
  }
}

function dynamoItem(plain) {
  if (!plain || typeof plain !== 'object' || Array.isArray(plain) || plain instanceof Num) throw new Error('an item is a JSON object');
  const out = record();
  for (const [k, v] of Object.entries(plain)) out[k] = fromPlain(v);
  return out;
}

// One value, short, for a table cell.
function cellText(av) {
  if (!av) return '';
  const [type] = Object.keys(av);
  if (type === 'S') return av.S;
  if (type === 'N') return av.N;
  const text = stringifyExact(toPlain(av), 0).replace(/\n/g, '');
  return text.length > 120 ? text.slice(0, 117) + '...' : text;
}

// ---- namespaces and tables ----------------------------------------------------------------

async function loadNamespaces() {
  const answer = await api('namespaces');
  state.readOnly = answer.readOnly;
  document.body.classList.toggle('read-only', answer.readOnly);
  $('read-only').hidden = !answer.readOnly;
  const select = $('namespace');
  const previous = state.namespace || new URLSearchParams(location.search).get('namespace');
  select.innerHTML = '';
  for (const id of answer.namespaces) select.add(new Option(id, id));
  if (!answer.namespaces.length) select.add(new Option('(none yet)', ''));
  if (previous && answer.namespaces.includes(previous)) select.value = previous;
  state.namespace = select.value || null;
  await loadTables();
}

async function loadTables() {
  const list = $('tables');
  list.innerHTML = '';
  $('no-tables').hidden = true;
  if (!state.namespace) { $('no-tables').hidden = false; return; }
  const names = [];
  let start;
  do {
    const page = await call('ListTables', start ? { ExclusiveStartTableName: start } : {});
    names.push(...page.TableNames);
    start = page.LastEvaluatedTableName;
  } while (start);
  $('no-tables').hidden = names.length > 0;
  for (const name of names) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#';
    a.dataset.table = name;
    a.textContent = name;
    a.onclick = (e) => { e.preventDefault(); openTable(name); };
    const small = document.createElement('small');
    a.appendChild(small);
    li.appendChild(a);
    list.appendChild(li);
    call('DescribeTable', { TableName: name }).then((d) => {
      small.textContent = d.Table.ItemCount.toLocaleString() + ' items, ' + bytes(d.Table.TableSizeBytes) + ' · ' + d.Table.TableStatus;
    }).catch((e) => { small.textContent = e.message; });
  }
}

function bytes(n) {
  if (n < 1024) return n + ' B';
  const units = ['KB', 'MB', 'GB', 'TB'];
  let i = -1;
  do { n /= 1024; i++; } while (n >= 1024 && i < units.length - 1);
  return n.toFixed(n < 10 ? 1 : 0) + ' ' + units[i];
}

async function openTable(name) {
  show('table');
  selectTab('items');
  for (const a of document.querySelectorAll('#tables a')) a.classList.toggle('active', a.dataset.table === name);
  const described = await call('DescribeTable', { TableName: name });
  state.table = described.Table;
  const t = state.table;
  $('table-name').textContent = t.TableName;
  const keys = t.KeySchema.map((k) => k.AttributeName + ' (' + k.KeyType + ', ' + attributeType(k.AttributeName) + ')').join(', ');
  const capacity = t.BillingModeSummary && t.BillingModeSummary.BillingMode === 'PAY_PER_REQUEST'
    ? 'on-demand'
    : 'provisioned ' + t.ProvisionedThroughput.ReadCapacityUnits + ' RCU / ' + t.ProvisionedThroughput.WriteCapacityUnits + ' WCU';
  $('table-summary').innerHTML = '';
  for (const [label, value] of [['Status', t.TableStatus], ['Key', keys], ['Items', t.ItemCount.toLocaleString()],
    ['Size', bytes(t.TableSizeBytes)], ['Capacity', capacity],
    ['Indexes', indexes().map((i) => i.IndexName).join(', ') || 'none']]) {
    const span = document.createElement('span');
    span.innerHTML = label + ': <b></b>';
    span.querySelector('b').textContent = value;
    $('table-summary').appendChild(span);
  }
  $('definition').textContent = JSON.stringify(t, null, 2);
  const index = $('index');
  index.innerHTML = '';
  index.add(new Option('(table)', ''));
  for (const i of indexes()) index.add(new Option(i.IndexName + (i.global ? ' (global)' : ' (local)'), i.IndexName));
  $('filter').value = $('names').value = $('values').value = $('pk-value').value = $('sk-value').value = $('sk-value2').value = '';
  $('sk-op').value = '';
  updateKeyNames();
  await runSearch(true);
}

function indexes() {
  const t = state.table;
  return [...(t.GlobalSecondaryIndexes || []).map((i) => ({ ...i, global: true })),
    ...(t.LocalSecondaryIndexes || []).map((i) => ({ ...i, global: false }))];
}

function attributeType(name) {
  const d = state.table.AttributeDefinitions.find((a) => a.AttributeName === name);
  return d ? d.AttributeType : 'S';
}

// The key schema the search reads: the chosen index's, or the table's.
function searchKeySchema() {
  const chosen = $('index').value;
  const i = chosen && indexes().find((x) => x.IndexName === chosen);
  return i ? i.KeySchema : state.table.KeySchema;
}

function updateKeyNames() {
  const schema = searchKeySchema();
  const hash = schema.find((k) => k.KeyType === 'HASH');
  const range = schema.find((k) => k.KeyType === 'RANGE');
  $('pk-name').textContent = hash.AttributeName;
  $('sk-name').textContent = range ? range.AttributeName : '(no sort key)';
  $('sk-op').disabled = !range;
}

// ---- searching and paging ------------------------------------------------------------------

function mode() {
  return document.querySelector('input[name=mode]:checked').value;
}

function keyValue(name, text) {
  const type = attributeType(name);
  return { [type]: text };
}

function buildRequest() {
  const request = { TableName: state.table.TableName, Limit: Number($('page-size').value) || 25, ReturnConsumedCapacity: 'TOTAL' };
  if ($('index').value) request.IndexName = $('index').value;
  if ($('consistent').checked) request.ConsistentRead = true;
  const names = $('names').value.trim() ? JSON.parse($('names').value) : {};
  const values = $('values').value.trim() ? dynamoItem(parseExact($('values').value)) : {};
  if (mode() === 'query') {
    const schema = searchKeySchema();
    const hash = schema.find((k) => k.KeyType === 'HASH').AttributeName;
    const range = schema.find((k) => k.KeyType === 'RANGE');
    names['#pk'] = hash;
    values[':pk'] = keyValue(hash, $('pk-value').value);
    let condition = '#pk = :pk';
    const op = $('sk-op').value;
    if (range && op) {
      names['#sk'] = range.AttributeName;
      values[':sk'] = keyValue(range.AttributeName, $('sk-value').value);
      if (op === 'between') {
        values[':sk2'] = keyValue(range.AttributeName, $('sk-value2').value);
        condition += ' AND #sk BETWEEN :sk AND :sk2';
      } else if (op === 'begins_with') {
        condition += ' AND begins_with(#sk, :sk)';
      } else {
        condition += ' AND #sk ' + op + ' :sk';
      }
    }
    request.KeyConditionExpression = condition;
    if ($('descending').checked) request.ScanIndexForward = false;
  }
  if ($('filter').value.trim()) request.FilterExpression = $('filter').value.trim();
  if (Object.keys(names).length) request.ExpressionAttributeNames = names;
  if (Object.keys(values).length) request.ExpressionAttributeValues = values;
  return request;
}

// A failed search shows its error alone: the rows of the page before are not its answer.
function searchFailed(message) {
  $('search-error').textContent = message;
  state.items = [];
  state.lastKey = null;
  renderItems($('items'), [], [], null);
  $('page-info').textContent = '';
  $('prev-page').disabled = state.page === 0;
  $('next-page').disabled = true;
}

async function runSearch(fromStart) {
  $('search-error').textContent = '';
  if (fromStart) { state.pageKeys = [null]; state.page = 0; }
  let request;
  try {
    request = buildRequest();
  } catch (e) {
    searchFailed(e.message);
    return;
  }
  const start = state.pageKeys[state.page];
  if (start) request.ExclusiveStartKey = start;
  try {
    const answer = await call(mode() === 'query' ? 'Query' : 'Scan', request);
    state.items = answer.Items;
    state.lastKey = answer.LastEvaluatedKey || null;
    renderItems($('items'), answer.Items, state.table.KeySchema.map((k) => k.AttributeName), openItem);
    const units = answer.ConsumedCapacity ? ' · ' + answer.ConsumedCapacity.CapacityUnits + ' RCU' : '';
    $('page-info').textContent = 'Page ' + (state.page + 1) + ' · ' + answer.Count + ' items (' + answer.ScannedCount + ' read)' + units;
    $('prev-page').disabled = state.page === 0;
    $('next-page').disabled = !state.lastKey;
  } catch (e) {
    searchFailed(e.message);
  }
}

function renderItems(table, items, keyNames, onOpen) {
  const columns = [...keyNames];
  for (const item of items) for (const name of Object.keys(item)) if (!columns.includes(name)) columns.push(name);
  const head = table.tHead, body = table.tBodies[0];
  head.innerHTML = body.innerHTML = '';
  const tr = head.insertRow();
  for (const c of columns) {
    const th = document.createElement('th');
    th.textContent = c;
    if (keyNames.includes(c)) th.className = 'key';
    tr.appendChild(th);
  }
  items.forEach((item) => {
    const row = body.insertRow();
    for (const c of columns) row.insertCell().textContent = cellText(own(item, c));
    if (onOpen) row.onclick = () => onOpen(item);
  });
}

// ---- the item editor ---------------------------------------------------------------------

function format() {
  return document.querySelector('input[name=format]:checked').value;
}

function showItemText(item) {
  $('item-text').value = format() === 'plain' ? stringifyExact(plainItem(item)) : JSON.stringify(item, null, 2);
}

function editedItem() {
  const text = $('item-text').value;
  return format() === 'plain' ? dynamoItem(parseExact(text)) : JSON.parse(text);
}

function openItem(item) {
  state.editing = item;
  $('editor-title').textContent = state.readOnly ? 'Item' : 'Edit item';
  $('delete-item').hidden = false;
  $('item-text').readOnly = state.readOnly;
  $('editor-error').textContent = '';
  showItemText(item);
  $('editor').hidden = false;
}

function newItem() {
  state.editing = null;
  $('editor-title').textContent = 'New item';
  $('delete-item').hidden = true;
  $('item-text').readOnly = false;
  $('editor-error').textContent = '';
  const template = record();
  for (const k of state.table.KeySchema) template[k.AttributeName] = keyValue(k.AttributeName, attributeType(k.AttributeName) === 'N' ? '0' : '');
  showItemText(template);
  $('editor').hidden = false;
}

function keyOf(item) {
  const key = record();
  for (const k of state.table.KeySchema) key[k.AttributeName] = own(item, k.AttributeName);
  return key;
}

// A number's value as one text: 10, 10.0, 1E1 and 0.1e+2 all give 0.1e2 (and every zero 0).
function numberValue(text) {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (!m) return text;
  let digits = m[2] + (m[3] || '');
  let exponent = Number(m[4] || 0) + m[2].length;  // the value is 0.DIGITS times ten to the exponent
  const zeros = /^0*/.exec(digits)[0].length;
  digits = digits.slice(zeros).replace(/0+$/, '');
  exponent -= zeros;
  return digits ? (m[1] === '-' ? '-' : '') + '0.' + digits + 'e' + exponent : '0';
}

function binaryValue(base64) {
  try { return atob(base64); } catch (e) { return base64; }
}

// Whether two key attribute values are the same to DynamoDB: numbers by value, binaries by their bytes.
function sameKeyValue(a, b) {
  if (!a || !b) return a === b;
  const [type] = Object.keys(a);
  if (type !== Object.keys(b)[0]) return false;
  if (type === 'N') return numberValue(a.N) === numberValue(b.N);
  if (type === 'B') return binaryValue(a.B) === binaryValue(b.B);
  return a[type] === b[type];
}

function sameKey(a, b) {
  return state.table.KeySchema.every((k) => sameKeyValue(own(a, k.AttributeName), own(b, k.AttributeName)));
}

// A new item, or one moved to another key, never replaces an item that has that key already.
async function putNew(item) {
  const hash = state.table.KeySchema.find((k) => k.KeyType === 'HASH').AttributeName;
  try {
    await call('PutItem', { TableName: state.table.TableName, Item: item,
      ConditionExpression: 'attribute_not_exists(#key)', ExpressionAttributeNames: { '#key': hash } });
  } catch (e) {
    if (!e.message.startsWith('ConditionalCheckFailedException')) throw e;
    throw new Error('An item with this key exists already; Save did not replace it (open that item to change it).');
  }
}

async function saveItem() {
  $('editor-error').textContent = '';
  try {
    const item = editedItem();
    // an edit that changed the key writes a new item: the old one goes, as a rename. Keys are
    // compared as DynamoDB does: 10.0 is the key 10, the same item, which must not then be deleted
    if (!state.editing) {
      await putNew(item);
    } else if (!sameKey(keyOf(state.editing), keyOf(item))) {
      await putNew(item);
      await call('DeleteItem', { TableName: state.table.TableName, Key: keyOf(state.editing) });
    } else {
      await call('PutItem', { TableName: state.table.TableName, Item: item });
    }
    $('editor').hidden = true;
    await runSearch(false);
  } catch (e) {
    $('editor-error').textContent = e.message;
  }
}

async function deleteItem() {
  $('editor-error').textContent = '';
  try {
    await call('DeleteItem', { TableName: state.table.TableName, Key: keyOf(state.editing) });
    $('editor').hidden = true;
    await runSearch(false);
  } catch (e) {
    $('editor-error').textContent = e.message;
  }
}

// ---- capacity, the planning report and the simulation: the admin front door (/dynabox/...) ----

// The admin front door names a namespace by access key and region: the namespace id is ACCESSKEY_REGION.
function namespaceQuery() {
  const id = state.namespace || '';
  const underscore = id.lastIndexOf('_');
  if (underscore <= 0) return 'accessKey=' + encodeURIComponent(id || 'shared');
  return 'accessKey=' + encodeURIComponent(id.slice(0, underscore)) + '&region=' + encodeURIComponent(id.slice(underscore + 1));
}

function showCapacity() {
  const url = '/dynabox/report?' + namespaceQuery() + '&table=' + encodeURIComponent(state.table.TableName);
  $('capacity-frame').src = url;
  $('capacity-link').href = url;
}

async function admin(method, path, body) {
  const init = { method };
  if (body !== undefined) { init.headers = { 'Content-Type': 'application/json' }; init.body = typeof body === 'string' ? body : JSON.stringify(body); }
  const response = await fetch(path, init);
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || response.status);
  return answer;
}

async function loadSimulation() {
  $('simulation-error').textContent = '';
  try {
    const clock = await admin('GET', '/dynabox/clock');
    $('clock-now').textContent = clock.now;
    $('clock-mode').textContent = clock.mode;
    const settings = await admin('GET', '/dynabox/simulation?' + namespaceQuery());
    $('simulation-settings').value = JSON.stringify(settings, null, 2);
    $('simulation-settings').readOnly = state.readOnly;
    const faults = await admin('GET', '/dynabox/faults?' + namespaceQuery());
    $('faults').textContent = JSON.stringify(faults, null, 2);
  } catch (e) {
    $('simulation-error').textContent = e.message;
  }
}

async function simulationChange(change) {
  $('simulation-error').textContent = '';
  try {
    await change();
    await loadSimulation();
  } catch (e) {
    $('simulation-error').textContent = e.message;
  }
}

// ---- PartiQL -----------------------------------------------------------------------------

async function runStatement(next) {
  $('statement-error').textContent = '';
  const request = { Statement: $('statement').value };
  if (next && state.statementToken) request.NextToken = state.statementToken;
  try {
    const answer = await call('ExecuteStatement', request);
    state.statementToken = answer.NextToken || null;
    renderItems($('statement-items'), answer.Items || [], [], null);
    $('next-statement').disabled = !state.statementToken;
  } catch (e) {
    $('statement-error').textContent = e.message;
  }
}

// ---- views and wiring --------------------------------------------------------------------

function selectTab(name) {
  for (const t of document.querySelectorAll('.tabs a')) t.classList.toggle('active', t.dataset.tab === name);
  $('tab-items').hidden = name !== 'items';
  $('tab-definition').hidden = name !== 'definition';
  $('tab-capacity').hidden = name !== 'capacity';
  if (name === 'capacity') showCapacity();
}

function show(view) {
  $('welcome').hidden = view !== 'welcome';
  $('table-view').hidden = view !== 'table';
  $('partiql-view').hidden = view !== 'partiql';
  $('simulation-view').hidden = view !== 'simulation';
  $('nav-tables').classList.toggle('active', view === 'welcome' || view === 'table');
  $('nav-partiql').classList.toggle('active', view === 'partiql');
  $('nav-simulation').classList.toggle('active', view === 'simulation');
}

function wire() {
  $('namespace').onchange = () => { state.namespace = $('namespace').value; show('welcome'); loadTables(); };
  $('refresh').onclick = () => loadNamespaces();
  $('nav-tables').onclick = (e) => { e.preventDefault(); show(state.table ? 'table' : 'welcome'); };
  $('nav-partiql').onclick = (e) => { e.preventDefault(); show('partiql'); };
  $('nav-simulation').onclick = (e) => { e.preventDefault(); show('simulation'); loadSimulation(); };
  for (const b of document.querySelectorAll('[data-advance]')) {
    b.onclick = () => simulationChange(() => admin('POST', '/dynabox/clock', { advanceSeconds: Number(b.dataset.advance) }));
  }
  $('clock-manual').onclick = () => simulationChange(() => admin('POST', '/dynabox/clock', { mode: 'manual' }));
  $('clock-system').onclick = () => simulationChange(() => admin('POST', '/dynabox/clock', { mode: 'system' }));
  $('save-simulation').onclick = () => simulationChange(() => admin('PUT', '/dynabox/simulation?' + namespaceQuery(), $('simulation-settings').value));
  $('add-fault').onclick = () => simulationChange(() => admin('POST', '/dynabox/faults?' + namespaceQuery(), $('fault-rule').value));
  $('clear-faults').onclick = () => simulationChange(() => admin('DELETE', '/dynabox/faults?' + namespaceQuery()));
  for (const tab of document.querySelectorAll('.tabs a')) {
    tab.onclick = (e) => { e.preventDefault(); selectTab(tab.dataset.tab); };
  }
  const syncMode = () => { for (const el of document.querySelectorAll('.query-only')) el.hidden = mode() !== 'query'; };
  for (const r of document.querySelectorAll('input[name=mode]')) r.onchange = syncMode;
  syncMode();
  $('index').onchange = updateKeyNames;
  $('sk-op').onchange = () => { $('sk-value2').hidden = $('sk-op').value !== 'between'; };
  $('search').onsubmit = (e) => { e.preventDefault(); runSearch(true); };
  $('next-page').onclick = () => { state.page++; state.pageKeys[state.page] = state.lastKey; runSearch(false); };
  $('prev-page').onclick = () => { state.page--; runSearch(false); };
  $('new-item').onclick = newItem;
  $('save-item').onclick = saveItem;
  $('delete-item').onclick = deleteItem;
  $('close-editor').onclick = () => { $('editor').hidden = true; };
  for (const r of document.querySelectorAll('input[name=format]')) {
    r.onchange = () => {
      // convert what is in the box, so edits made in one format carry over to the other
      const other = r.value === 'plain' ? 'dynamodb' : 'plain';
      try {
        const text = $('item-text').value;
        const item = other === 'plain' ? dynamoItem(parseExact(text)) : JSON.parse(text);
        $('item-text').value = r.value === 'plain' ? stringifyExact(plainItem(item)) : JSON.stringify(item, null, 2);
        $('editor-error').textContent = '';
      } catch (e) {
        $('editor-error').textContent = e.message;
      }
    };
  }
  $('run-statement').onclick = () => runStatement(false);
  $('next-statement').onclick = () => runStatement(true);
}

// ?namespace=ID&table=NAME opens a table at once: links and bookmarks to a table work
async function start() {
  wire();
  await loadNamespaces();
  const table = new URLSearchParams(location.search).get('table');
  if (table && state.namespace) await openTable(table);
}

start().catch((e) => { $('no-tables').hidden = false; $('no-tables').textContent = e.message; });
