(function () {
	'use strict';

	var BASE = location.pathname.replace(/\/+$/, '');
	var PAGE_SIZE = 100;
	var MAX_ROWS = 300;
	var POLL_MS = 2000;

	var state = { cursor: null, rows: [], byId: {}, selected: null, view: 'traces', timer: null, loading: false };

	function $(id) {
		return document.getElementById(id);
	}

	function distributedTrace(trace) {
		var text = trace.trace_id + ' (span ' + trace.span_id + ')';
		var template = document.body.getAttribute('data-trace-link');
		if (!template) {
			return el('span', { 'class': 'mono', text: text });
		}
		return el('a', { 'class': 'mono distributed-trace', target: '_blank', rel: 'noopener',
			href: template.split('{traceId}').join(encodeURIComponent(trace.trace_id)), text: text });
	}

	function el(tag, attrs, children) {
		var node = document.createElement(tag);
		if (attrs) {
			Object.keys(attrs).forEach(function (key) {
				var value = attrs[key];
				if (value === null || value === undefined || value === false) {
					return;
				}
				if (key === 'text') {
					node.textContent = value;
				} else if (key === 'onclick') {
					node.addEventListener('click', value);
				} else {
					node.setAttribute(key, value);
				}
			});
		}
		(children || []).forEach(function (child) {
			if (child !== null && child !== undefined) {
				node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
			}
		});
		return node;
	}

	function getJson(url) {
		return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
			.then(function (response) {
				if (response.status === 404) {
					return null;
				}
				if (!response.ok) {
					throw new Error('GET ' + url + ' answered ' + response.status);
				}
				return response.json();
			});
	}

	function showError(error) {
		var box = $('error');
		if (error) {
			box.textContent = String(error.message || error);
			box.hidden = false;
		} else {
			box.hidden = true;
		}
	}

	function ms(value) {
		if (value === null || value === undefined) {
			return '';
		}
		if (value >= 1000) {
			return (value / 1000).toFixed(2) + ' s';
		}
		if (value >= 100) {
			return value.toFixed(0) + ' ms';
		}
		if (value >= 10) {
			return value.toFixed(1) + ' ms';
		}
		return value.toFixed(2) + ' ms';
	}

	function pad(n, width) {
		var text = String(n);
		while (text.length < width) {
			text = '0' + text;
		}
		return text;
	}

	function time(epochMs) {
		var d = new Date(epochMs);
		return pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2) + '.'
			+ pad(d.getMilliseconds(), 3);
	}

	function dateTime(epochMs) {
		var d = new Date(epochMs);
		return d.getFullYear() + '-' + pad(d.getMonth() + 1, 2) + '-' + pad(d.getDate(), 2) + ' ' + time(epochMs);
	}

	function statusBadge(outcome) {
		var status = outcome ? outcome.status : 'unknown';
		var label = status === 'rolled_back' ? 'rolled back' : status;
		return el('span', { 'class': 'badge status-' + status, text: label });
	}

	function flags(trace) {
		var insights = trace.insights || {};
		var nodes = [];
		if (insights.n_plus_one && insights.n_plus_one.length) {
			var top = insights.n_plus_one[0];
			nodes.push(el('span', { 'class': 'flag flag-n-plus-one', title: top.count + ' x ' + top.statement,
				text: 'N+1' }));
		}
		if (insights.slow) {
			nodes.push(el('span', { 'class': 'flag flag-slow', title: 'at least ' + ms(insights.slow_threshold_ms),
				text: 'slow' }));
		}
		return nodes;
	}

	/* ---------- filters and the list ---------- */

	function filterParams() {
		var params = new URLSearchParams();
		[['fn', 'filter-fn'], ['status', 'filter-status'], ['user', 'filter-user'], ['tenant', 'filter-tenant'],
			['minDurationMs', 'filter-min']].forEach(function (pair) {
			var value = $(pair[1]).value.trim();
			if (value) {
				params.set(pair[0], value);
			}
		});
		var flag = $('filter-flag').value;
		if (flag) {
			params.set(flag, 'true');
		}
		return params;
	}

	function reload() {
		state.cursor = null;
		state.rows = [];
		state.byId = {};
		var params = filterParams();
		params.set('limit', PAGE_SIZE);
		return getJson(BASE + '?' + params).then(function (body) {
			showError(null);
			state.cursor = body.cursor;
			addTraces(body.traces, false);
			renderLogState(body);
		}).catch(showError);
	}

	function poll() {
		if (state.loading || state.cursor === null || state.view !== 'traces') {
			return Promise.resolve();
		}
		state.loading = true;
		var params = filterParams();
		params.set('limit', PAGE_SIZE);
		params.set('after', state.cursor);
		return getJson(BASE + '?' + params).then(function (body) {
			showError(null);
			state.cursor = body.cursor;
			addTraces(body.traces, true);
			renderLogState(body);
		}).catch(showError).then(function () {
			state.loading = false;
		});
	}

	function addTraces(traces, fresh) {
		var added = traces.filter(function (trace) {
			return !state.byId[trace.call_id];
		});
		added.forEach(function (trace) {
			state.byId[trace.call_id] = trace;
		});
		state.rows = added.concat(state.rows).sort(function (a, b) {
			return b.started_at - a.started_at;
		});
		state.rows.slice(MAX_ROWS).forEach(function (trace) {
			delete state.byId[trace.call_id];
		});
		state.rows = state.rows.slice(0, MAX_ROWS);
		if (added.length || !fresh) {
			renderRows(fresh ? added : []);
		}
		rememberFunctionNames(added);
	}

	function rememberFunctionNames(traces) {
		var list = $('fn-names');
		var known = {};
		Array.prototype.forEach.call(list.options, function (option) {
			known[option.value] = true;
		});
		traces.forEach(function (trace) {
			if (!known[trace.fn_name]) {
				known[trace.fn_name] = true;
				list.appendChild(el('option', { value: trace.fn_name }));
			}
		});
	}

	function renderRows(fresh) {
		var freshIds = {};
		fresh.forEach(function (trace) {
			freshIds[trace.call_id] = true;
		});
		var body = $('traces').tBodies[0];
		var rows = state.rows.map(function (trace) {
			var row = el('tr', {
				'data-call-id': trace.call_id,
				'data-status': trace.outcome ? trace.outcome.status : '',
				'class': (trace.call_id === state.selected ? 'selected ' : '') + (freshIds[trace.call_id] ? 'fresh' : ''),
				onclick: function () {
					select(trace.call_id);
				}
			}, [
				el('td', { 'class': 'mono', text: time(trace.started_at) }),
				el('td', { 'class': 'fn', text: trace.fn_name }),
				el('td', { 'class': 'muted', text: trace.fn_type || '' }),
				el('td', { text: trace.user_id || '' }),
				el('td', { text: trace.tenant_id || '' }),
				el('td', { 'class': 'num', text: ms(trace.duration_ms) }),
				el('td', null, [statusBadge(trace.outcome)]),
				el('td', { 'class': 'num', text: String(trace.ops.length + (trace.ops_dropped || 0)) }),
				el('td', { 'class': 'flags' }, flags(trace))
			]);
			return row;
		});
		body.replaceChildren.apply(body, rows);
		$('traces-empty').hidden = rows.length > 0;
	}

	function renderLogState(body) {
		$('log-state').textContent = body.size + ' of ' + body.capacity + ' traces held, ' + body.total_count
			+ ' recorded';
	}

	/* ---------- one trace ---------- */

	function select(callId) {
		if (location.hash !== '#trace=' + callId) {
			history.replaceState(null, '', '#trace=' + encodeURIComponent(callId));
		}
		state.selected = callId;
		Array.prototype.forEach.call($('traces').tBodies[0].rows, function (row) {
			row.classList.toggle('selected', row.getAttribute('data-call-id') === callId);
		});
		return getJson(BASE + '/' + encodeURIComponent(callId)).then(function (trace) {
			showError(null);
			renderDetail(callId, trace);
		}).catch(showError);
	}

	function close() {
		state.selected = null;
		history.replaceState(null, '', location.pathname + location.search);
		$('detail').hidden = true;
		Array.prototype.forEach.call($('traces').tBodies[0].rows, function (row) {
			row.classList.remove('selected');
		});
	}

	function traceLink(callId, label) {
		var known = state.byId[callId];
		return el('a', { href: '#trace=' + encodeURIComponent(callId), 'class': 'trace-link', onclick: function (event) {
			event.preventDefault();
			select(callId);
		} }, [known ? known.fn_name + ' ' : '', el('span', { 'class': 'mono muted', text: label || callId })]);
	}

	function field(label, value) {
		if (value === null || value === undefined || value === '') {
			return null;
		}
		return el('div', { 'class': 'field' }, [el('dt', { text: label }), el('dd', null, [value])]);
	}

	function renderDetail(callId, trace) {
		var detail = $('detail');
		detail.hidden = false;
		if (!trace) {
			detail.replaceChildren(el('div', { 'class': 'detail-head' }, [
				el('h2', { text: 'Trace ' + callId }),
				el('button', { type: 'button', 'class': 'close', onclick: close, text: '\u00d7' })]),
				el('p', { 'class': 'empty', text: 'The log no longer holds this trace.' }));
			return;
		}
		var outcome = trace.outcome || {};
		var children = state.rows.filter(function (other) {
			return other.parent_call_id === trace.call_id || other.scheduled_by === trace.call_id;
		});
		var parts = [
			el('div', { 'class': 'detail-head' }, [
				el('h2', null, [trace.fn_name, ' ', statusBadge(outcome)]),
				el('button', { type: 'button', 'class': 'close', title: 'Close', onclick: close, text: '\u00d7' })]),
			outcome.status !== 'ok' ? el('div', { 'class': 'outcome status-' + outcome.status }, [
				el('strong', { text: outcome.code || outcome.status }),
				outcome.message ? el('span', { text: ' ' + outcome.message }) : null]) : null,
			el('dl', { 'class': 'fields' }, [
				field('Call id', el('span', { 'class': 'mono', text: trace.call_id })),
				field('Type', trace.fn_type),
				field('Started', dateTime(trace.started_at)),
				field('Duration', ms(trace.duration_ms)),
				field('User', trace.user_id),
				field('Tenant', trace.tenant_id),
				field('Parent', trace.parent_call_id ? traceLink(trace.parent_call_id) : null),
				field('Scheduled by', trace.scheduled_by ? traceLink(trace.scheduled_by) : null),
				field('Distributed trace', trace.trace_id ? distributedTrace(trace) : null),
				field('Streamed', (trace.stream_chunks || trace.stream_bytes)
					? trace.stream_chunks + ' chunks, ' + trace.stream_bytes + ' bytes' : null)
			])
		];
		parts.push(renderInsights(trace.insights || {}));
		parts.push(el('h3', { text: 'Operations (' + trace.ops.length + ')' }));
		parts.push(renderWaterfall(trace));
		if (trace.ops_dropped) {
			parts.push(el('p', { 'class': 'note', text: trace.ops_dropped + ' more operations were not kept.' }));
		}
		if (trace.schedules && trace.schedules.length) {
			parts.push(el('h3', { text: 'Schedules' }));
			parts.push(el('table', { 'class': 'grid compact schedules' }, [
				el('thead', null, [el('tr', null, [el('th', { text: 'Function' }), el('th', { text: 'When' }),
					el('th', { text: 'Status' })])]),
				el('tbody', null, trace.schedules.map(function (schedule) {
					var when = schedule.delay_ms !== undefined ? 'after ' + ms(schedule.delay_ms)
						: (schedule.run_at !== undefined ? 'at ' + dateTime(schedule.run_at) : '');
					return el('tr', null, [el('td', { 'class': 'fn', text: schedule.fn_name }), el('td', { text: when }),
						el('td', { text: schedule.status || '' })]);
				}))]));
		}
		if (children.length) {
			parts.push(el('h3', { text: 'Children' }));
			parts.push(el('ul', { 'class': 'children' }, children.map(function (child) {
				return el('li', null, [traceLink(child.call_id),
					child.scheduled_by === trace.call_id ? el('span', { 'class': 'muted', text: ' (scheduled)' }) : null]);
			})));
		}
		detail.replaceChildren.apply(detail, parts.filter(function (part) {
			return part;
		}));
	}

	function renderInsights(insights) {
		var findings = insights.n_plus_one || [];
		if (!findings.length && !insights.slow) {
			return null;
		}
		var items = findings.map(function (finding) {
			return el('li', { 'class': 'finding finding-n-plus-one' }, [
				el('span', { 'class': 'flag flag-n-plus-one', text: 'N+1' }),
				el('span', { text: ' ran ' + finding.count + ' times: ' }),
				el('code', { text: finding.statement })]);
		});
		if (insights.slow) {
			items.push(el('li', { 'class': 'finding finding-slow' }, [
				el('span', { 'class': 'flag flag-slow', text: 'slow' }),
				el('span', { text: ' took at least the threshold of ' + ms(insights.slow_threshold_ms) })]));
		}
		return el('ul', { 'class': 'insights' }, items);
	}

	function renderWaterfall(trace) {
		if (!trace.ops.length) {
			return el('p', { 'class': 'empty', text: 'No database operations.' });
		}
		var span = trace.duration_ms;
		trace.ops.forEach(function (op) {
			span = Math.max(span, op.offset_ms + op.duration_ms);
		});
		span = span > 0 ? span : 1;
		var ticks = [0, 0.5, 1].map(function (fraction) {
			return el('span', { 'class': 'tick', style: 'left:' + (fraction * 100) + '%',
				text: fraction ? ms(span * fraction) : '0' });
		});
		var rows = trace.ops.map(function (op, index) {
			var left = (op.offset_ms / span) * 100;
			var width = Math.max((op.duration_ms / span) * 100, 0.4);
			var label = [el('span', { 'class': 'op-kind op-' + op.op, text: op.op }),
				el('span', { 'class': 'op-entity', text: ' ' + (op.entity || '') + (op.id ? ' #' + op.id : '') })];
			var sql = op.sql ? el('pre', { 'class': 'sql', hidden: 'hidden', text: op.sql }) : null;
			var row = el('div', { 'class': 'op' + (op.ok ? '' : ' failed') + (op.sql ? ' has-sql' : ''),
				title: op.sql ? 'Click to show the SQL' : null }, [
				el('div', { 'class': 'op-label' }, label),
				el('div', { 'class': 'op-track' }, [
					el('div', { 'class': 'op-bar', style: 'left:' + left + '%;width:' + width + '%' })]),
				el('div', { 'class': 'op-time num', text: ms(op.duration_ms) }),
				el('div', { 'class': 'op-rows num', text: op.row_count !== undefined ? op.row_count + (op.row_count === 1 ? ' row' : ' rows') : '' }),
				sql]);
			if (sql) {
				row.addEventListener('click', function () {
					sql.hidden = !sql.hidden;
				});
			}
			row.setAttribute('data-index', index);
			return row;
		});
		return el('div', { 'class': 'waterfall' }, [
			el('div', { 'class': 'axis' }, [el('div', { 'class': 'op-label' }), el('div', { 'class': 'op-track' }, ticks),
				el('div', { 'class': 'op-time' }), el('div', { 'class': 'op-rows' })])].concat(rows));
	}

	/* ---------- functions ---------- */

	function loadFunctions() {
		return getJson(BASE + '/stats').then(function (body) {
			showError(null);
			renderFunctions(body);
		}).catch(showError);
	}

	function renderFunctions(body) {
		$('functions-note').textContent = 'Over the ' + body.traces + ' traces the log holds ('
			+ body.total_count + ' recorded since start).';
		var tbody = $('functions').tBodies[0];
		tbody.replaceChildren.apply(tbody, body.functions.map(function (fn) {
			return el('tr', { 'data-fn': fn.fn_name }, [
				el('td', { 'class': 'fn' }, [el('a', { href: '#', onclick: function (event) {
					event.preventDefault();
					$('filter-fn').value = fn.fn_name;
					show('traces');
					reload();
				}, text: fn.fn_name })]),
				el('td', { 'class': 'muted', text: fn.fn_type || '' }),
				el('td', { 'class': 'num', text: String(fn.calls) }),
				el('td', { 'class': 'num', text: String(fn.errors) }),
				el('td', { 'class': 'num', text: String(fn.rollbacks) }),
				el('td', { 'class': 'num' + (fn.error_rate > 0 ? ' bad' : ''), text: (fn.error_rate * 100).toFixed(1) + ' %' }),
				el('td', { 'class': 'num', text: String(fn.slow_calls) }),
				el('td', { 'class': 'num', text: ms(fn.p50_ms) }),
				el('td', { 'class': 'num', text: ms(fn.p95_ms) }),
				el('td', { 'class': 'num', text: ms(fn.p99_ms) }),
				el('td', { 'class': 'num', text: ms(fn.max_ms) }),
				el('td', null, [histogram(fn.histogram, body.histogram_bounds_ms)])
			]);
		}));
	}

	function histogram(counts, bounds) {
		var ns = 'http://www.w3.org/2000/svg';
		var svg = document.createElementNS(ns, 'svg');
		var barWidth = 8;
		var height = 24;
		svg.setAttribute('class', 'histogram');
		svg.setAttribute('width', counts.length * barWidth);
		svg.setAttribute('height', height);
		var max = Math.max.apply(null, counts.concat([1]));
		counts.forEach(function (count, index) {
			var barHeight = count ? Math.max(2, (count / max) * height) : 0;
			var rect = document.createElementNS(ns, 'rect');
			rect.setAttribute('x', index * barWidth + 1);
			rect.setAttribute('y', height - barHeight);
			rect.setAttribute('width', barWidth - 2);
			rect.setAttribute('height', barHeight);
			var title = document.createElementNS(ns, 'title');
			title.textContent = (index < bounds.length ? '\u2264 ' + bounds[index] + ' ms' : '> ' + bounds[bounds.length - 1]
				+ ' ms') + ': ' + count;
			rect.appendChild(title);
			svg.appendChild(rect);
		});
		return svg;
	}

	/* ---------- wiring ---------- */

	function show(view) {
		state.view = view;
		['traces', 'functions'].forEach(function (name) {
			$('view-' + name).hidden = name !== view;
			$('tab-' + name).classList.toggle('active', name === view);
		});
		if (view === 'functions') {
			loadFunctions();
		}
	}

	function schedulePolling() {
		clearInterval(state.timer);
		if ($('live').checked) {
			state.timer = setInterval(poll, POLL_MS);
		}
	}

	function start() {
		Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (tab) {
			tab.addEventListener('click', function () {
				show(tab.getAttribute('data-view'));
			});
		});
		$('filters').addEventListener('change', reload);
		$('filters').addEventListener('submit', function (event) {
			event.preventDefault();
			reload();
		});
		$('filter-clear').addEventListener('click', function () {
			$('filters').reset();
			reload();
		});
		$('live').addEventListener('change', schedulePolling);
		reload().then(function () {
			var match = /^#trace=(.+)$/.exec(location.hash);
			if (match) {
				select(decodeURIComponent(match[1]));
			}
		});
		schedulePolling();
	}

	start();
}());
