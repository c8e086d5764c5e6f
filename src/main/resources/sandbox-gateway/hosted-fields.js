/*
 * Sandbox Gateway hosted fields (v1): the sandbox payment processor's own script, as a real processor
 * serves its card-entry script. It draws the card or bank account fields into the merchant's page and
 * sends what is typed straight to the processor's tokenisation endpoint; the merchant's page gets back
 * only a single-use token and a summary (brand, last four, expiry). The fields have no name attribute,
 * so the merchant's form can never post them.
 *
 *   var fields = SandboxGateway.mount(container, {kind: 'card' | 'bank_account', publishableKey, tokenUrl, locale});
 *   fields.tokenize().then(function (result) { result.token, result.summary  |  result.error {code, field, message} });
 *
 * No inline styles and no eval (the merchant's Content Security Policy forbids both); texts in English
 * and Spanish.
 */
(function (window, document) {
	'use strict';

	var TEXTS = {
		en: {
			number: 'Card number',
			expiry: 'Expiration date (MM/YY)',
			cvc: 'Security code (CVC)',
			cvcHint: '3 digits on the back of the card; 4 on the front for American Express.',
			postalCode: 'Billing ZIP code',
			routingNumber: 'Routing number',
			routingHint: 'The 9 digits at the bottom left of a check.',
			accountNumber: 'Account number',
			accountNumberConfirmation: 'Confirm the account number',
			accountType: 'Account type',
			checking: 'Checking',
			savings: 'Savings',
			holderName: 'Name on the account',
			secured: 'Card and bank details are sent securely to Sandbox Gateway, our payment processor.',
			errors: {
				invalid_number: 'Enter a valid card number.',
				invalid_expiry: 'Enter an expiration date that has not passed, as MM/YY.',
				invalid_cvc: 'Enter the card’s 3- or 4-digit security code.',
				invalid_postal_code: 'Enter the 5-digit ZIP code of the card’s billing address.',
				invalid_routing_number: 'Enter a valid 9-digit routing number.',
				invalid_account_number: 'Enter an account number of 4 to 17 digits.',
				account_numbers_mismatch: 'The two account numbers don’t match.',
				invalid_holder_name: 'Enter the name on the account.',
				invalid_account_type: 'Choose checking or savings.',
				network_error: 'We couldn’t reach the payment processor. Check your connection and try again.',
				processing_error: 'The payment processor couldn’t take these details right now. Try again in a few minutes.'
			}
		},
		es: {
			number: 'Número de tarjeta',
			expiry: 'Fecha de vencimiento (MM/AA)',
			cvc: 'Código de seguridad (CVC)',
			cvcHint: '3 dígitos al reverso de la tarjeta; 4 al frente en American Express.',
			postalCode: 'Código postal de facturación',
			routingNumber: 'Número de ruta',
			routingHint: 'Los 9 dígitos en la parte inferior izquierda de un cheque.',
			accountNumber: 'Número de cuenta',
			accountNumberConfirmation: 'Confirme el número de cuenta',
			accountType: 'Tipo de cuenta',
			checking: 'De cheques',
			savings: 'De ahorros',
			holderName: 'Nombre del titular de la cuenta',
			secured: 'Los datos de su tarjeta o cuenta bancaria se envían de forma segura a Sandbox Gateway, nuestro procesador de pagos.',
			errors: {
				invalid_number: 'Ingrese un número de tarjeta válido.',
				invalid_expiry: 'Ingrese una fecha de vencimiento que no haya pasado, como MM/AA.',
				invalid_cvc: 'Ingrese el código de seguridad de 3 o 4 dígitos de la tarjeta.',
				invalid_postal_code: 'Ingrese el código postal de 5 dígitos de la dirección de facturación de la tarjeta.',
				invalid_routing_number: 'Ingrese un número de ruta válido de 9 dígitos.',
				invalid_account_number: 'Ingrese un número de cuenta de 4 a 17 dígitos.',
				account_numbers_mismatch: 'Los dos números de cuenta no coinciden.',
				invalid_holder_name: 'Ingrese el nombre del titular de la cuenta.',
				invalid_account_type: 'Elija de cheques o de ahorros.',
				network_error: 'No pudimos comunicarnos con el procesador de pagos. Revise su conexión e inténtelo de nuevo.',
				processing_error: 'El procesador de pagos no pudo recibir estos datos en este momento. Inténtelo de nuevo en unos minutos.'
			}
		}
	};

	var mounted = 0;

	function digits(value) {
		return value.replace(/[\s-]/g, '');
	}

	function luhn(number) {
		var sum = 0;
		var double = false;
		for (var i = number.length - 1; i >= 0; i--) {
			var d = number.charCodeAt(i) - 48;
			if (double) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			double = !double;
		}
		return sum % 10 === 0;
	}

	/** ABA routing number checksum: 3, 7, 1 weights over the nine digits. */
	function routingChecksum(number) {
		var weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
		var sum = 0;
		for (var i = 0; i < 9; i++) {
			sum += (number.charCodeAt(i) - 48) * weights[i];
		}
		return sum % 10 === 0;
	}

	function brandOf(number) {
		if (/^4/.test(number)) {
			return 'visa';
		}
		if (/^(5[1-5]|2[2-7])/.test(number)) {
			return 'mastercard';
		}
		if (/^3[47]/.test(number)) {
			return 'amex';
		}
		if (/^6(011|5)/.test(number)) {
			return 'discover';
		}
		return 'unknown';
	}

	/** MM/YY, MM/YYYY, MMYY (spaces allowed): {month, year} or null. */
	function parseExpiry(value) {
		var match = /^\s*(\d{1,2})\s*(?:\/|-)?\s*(\d{2}|\d{4})\s*$/.exec(value);
		if (!match) {
			return null;
		}
		var month = parseInt(match[1], 10);
		var year = parseInt(match[2], 10);
		if (match[2].length === 2) {
			year += 2000;
		}
		if (month < 1 || month > 12) {
			return null;
		}
		return { month: month, year: year };
	}

	function element(tag, attributes, text) {
		var node = document.createElement(tag);
		Object.keys(attributes || {}).forEach(function (key) {
			node.setAttribute(key, attributes[key]);
		});
		if (text) {
			node.textContent = text;
		}
		return node;
	}

	function mount(container, options) {
		if (!container || !options) {
			throw new Error('SandboxGateway.mount(container, options)');
		}
		var kind = options.kind === 'bank_account' ? 'bank_account' : 'card';
		var texts = /^es/i.test(options.locale || '') ? TEXTS.es : TEXTS.en;
		var prefix = 'sbx-hf-' + (++mounted) + '-';
		var fields = {};
		var general;
		var pending = null;

		function field(parent, name, label, attributes, hint) {
			var wrapper = element('div', { 'class': 'mb-3 sbx-field' });
			var id = prefix + name;
			wrapper.appendChild(element('label', { 'class': 'form-label', 'for': id }, label));
			var input = element(attributes.tag || 'input', Object.assign({ id: id, 'class': attributes.tag === 'select' ? 'form-select' : 'form-control', 'aria-required': 'true' }, attributes.attrs));
			(attributes.options || []).forEach(function (option) {
				input.appendChild(element('option', { value: option.value }, option.text));
			});
			wrapper.appendChild(input);
			var describedBy = [];
			if (hint) {
				var hintNode = element('div', { 'class': 'form-text', id: id + '-hint' }, hint);
				wrapper.appendChild(hintNode);
				describedBy.push(hintNode.id);
			}
			var error = element('div', { 'class': 'invalid-feedback', id: id + '-error' });
			error.hidden = true;
			wrapper.appendChild(error);
			if (describedBy.length) {
				input.setAttribute('aria-describedby', describedBy.join(' '));
			}
			input.addEventListener('input', function () {
				showError(name, null);
			});
			fields[name] = { input: input, error: error, hints: describedBy };
			parent.appendChild(wrapper);
			return wrapper;
		}

		function row(parent) {
			var node = element('div', { 'class': 'row g-3' });
			parent.appendChild(node);
			return node;
		}

		function column(parent, size) {
			var node = element('div', { 'class': size });
			parent.appendChild(node);
			return node;
		}

		function showError(name, message) {
			var f = fields[name];
			if (!f) {
				return;
			}
			var describedBy = f.hints.slice();
			if (message) {
				f.error.textContent = message;
				f.error.hidden = false;
				f.error.classList.add('d-block');
				f.input.classList.add('is-invalid');
				f.input.setAttribute('aria-invalid', 'true');
				describedBy.unshift(f.error.id);
			}
			else {
				f.error.textContent = '';
				f.error.hidden = true;
				f.error.classList.remove('d-block');
				f.input.classList.remove('is-invalid');
				f.input.removeAttribute('aria-invalid');
			}
			if (describedBy.length) {
				f.input.setAttribute('aria-describedby', describedBy.join(' '));
			}
			else {
				f.input.removeAttribute('aria-describedby');
			}
		}

		function showGeneral(message) {
			general.textContent = message || '';
			general.hidden = !message;
		}

		function clearErrors() {
			Object.keys(fields).forEach(function (name) {
				showError(name, null);
			});
			showGeneral(null);
		}

		function value(name) {
			return fields[name].input.value;
		}

		function failure(code, fieldName, message) {
			return { error: { code: code, field: fieldName || null, message: message || texts.errors[code] || texts.errors.processing_error } };
		}

		// the processor's field names in its answers → ours
		var SERVER_FIELDS = {
			number: 'number', expiry: 'expiry', expMonth: 'expiry', expYear: 'expiry', cvc: 'cvc',
			postalCode: 'postalCode', routingNumber: 'routingNumber', accountNumber: 'accountNumber',
			confirmAccountNumber: 'accountNumberConfirmation', accountType: 'accountType', holderName: 'holderName'
		};

		function cardRequest() {
			var number = digits(value('number'));
			if (!/^\d{13,19}$/.test(number) || !luhn(number)) {
				return failure('invalid_number', 'number');
			}
			var expiry = parseExpiry(value('expiry'));
			var now = new Date();
			if (!expiry || expiry.year * 12 + expiry.month < now.getFullYear() * 12 + now.getMonth() + 1
					|| expiry.year > now.getFullYear() + 20) {
				return failure('invalid_expiry', 'expiry');
			}
			var cvc = value('cvc').trim();
			if (!(brandOf(number) === 'amex' ? /^\d{4}$/ : /^\d{3}$/).test(cvc)) {
				return failure('invalid_cvc', 'cvc');
			}
			var postalCode = value('postalCode').trim();
			if (!/^\d{5}(-?\d{4})?$/.test(postalCode)) {
				return failure('invalid_postal_code', 'postalCode');
			}
			return { body: { type: 'card', number: number, expMonth: expiry.month, expYear: expiry.year, cvc: cvc, postalCode: postalCode } };
		}

		function bankRequest() {
			var routing = digits(value('routingNumber'));
			if (!/^\d{9}$/.test(routing) || !routingChecksum(routing)) {
				return failure('invalid_routing_number', 'routingNumber');
			}
			var account = digits(value('accountNumber'));
			if (!/^\d{4,17}$/.test(account)) {
				return failure('invalid_account_number', 'accountNumber');
			}
			var confirmation = digits(value('accountNumberConfirmation'));
			if (confirmation !== account) {
				return failure('account_numbers_mismatch', 'accountNumberConfirmation');
			}
			var type = value('accountType');
			if (type !== 'checking' && type !== 'savings') {
				return failure('invalid_account_type', 'accountType');
			}
			var holder = value('holderName').trim();
			if (holder.length < 1 || holder.length > 100) {
				return failure('invalid_holder_name', 'holderName');
			}
			return { body: { type: 'bank_account', routingNumber: routing, accountNumber: account, confirmAccountNumber: confirmation, accountType: type, holderName: holder } };
		}

		function send(body) {
			return window.fetch(options.tokenUrl, {
				method: 'POST',
				// the processor is another party: the merchant's cookies are none of its business
				credentials: 'omit',
				cache: 'no-store',
				headers: {
					'Content-Type': 'application/json',
					Accept: 'application/json',
					Authorization: 'Bearer ' + options.publishableKey
				},
				body: JSON.stringify(body)
			}).then(function (response) {
				return response.json().then(function (json) {
					return { status: response.status, json: json };
				}, function () {
					return { status: response.status, json: null };
				});
			}).then(function (answer) {
				var json = answer.json || {};
				if (answer.status === 200 && json.id) {
					return { token: json.id, summary: json.type === 'bank_account' ? json.bankAccount : json.card };
				}
				if (json.error && json.error.code) {
					var name = SERVER_FIELDS[json.error.field] || null;
					return failure(json.error.code, name, texts.errors[json.error.code] || json.error.message);
				}
				return failure('processing_error', null);
			}, function () {
				return failure('network_error', null);
			});
		}

		function tokenize() {
			if (pending) {
				return pending;
			}
			clearErrors();
			var request = kind === 'card' ? cardRequest() : bankRequest();
			if (request.error) {
				report(request);
				return Promise.resolve(request);
			}
			pending = send(request.body).then(function (result) {
				pending = null;
				if (result.error) {
					report(result);
				}
				return result;
			});
			return pending;
		}

		function report(result) {
			var name = result.error.field;
			if (name && fields[name]) {
				showError(name, result.error.message);
				fields[name].input.focus();
			}
			else {
				showGeneral(result.error.message);
			}
		}

		// draw the fields
		while (container.firstChild) {
			container.removeChild(container.firstChild);
		}
		var root = element('div', { 'class': 'sbx-hosted-fields', 'data-kind': kind });
		general = element('p', { 'class': 'alert alert-danger', role: 'alert', id: prefix + 'error' });
		general.hidden = true;
		root.appendChild(general);
		if (kind === 'card') {
			field(root, 'number', texts.number, { attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'cc-number', maxlength: '23', spellcheck: 'false' } });
			var cardRow = row(root);
			field(column(cardRow, 'col-sm-4'), 'expiry', texts.expiry, { attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'cc-exp', maxlength: '7', placeholder: texts === TEXTS.es ? 'MM/AA' : 'MM/YY' } });
			field(column(cardRow, 'col-sm-4'), 'cvc', texts.cvc, { attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'cc-csc', maxlength: '4' } }, texts.cvcHint);
			field(column(cardRow, 'col-sm-4'), 'postalCode', texts.postalCode, { attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'postal-code', maxlength: '10' } });
		}
		else {
			field(root, 'holderName', texts.holderName, { attrs: { type: 'text', autocomplete: 'name', maxlength: '100' } });
			field(root, 'routingNumber', texts.routingNumber, { attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '9', spellcheck: 'false' } }, texts.routingHint);
			var bankRow = row(root);
			field(column(bankRow, 'col-sm-6'), 'accountNumber', texts.accountNumber, { attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '17', spellcheck: 'false' } });
			field(column(bankRow, 'col-sm-6'), 'accountNumberConfirmation', texts.accountNumberConfirmation, { attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '17', spellcheck: 'false' } });
			field(root, 'accountType', texts.accountType, { tag: 'select', options: [ { value: 'checking', text: texts.checking }, { value: 'savings', text: texts.savings } ] });
		}
		root.appendChild(element('p', { 'class': 'form-text mb-0 sbx-secured' }, texts.secured));
		container.appendChild(root);

		return {
			tokenize: tokenize,
			focus: function () {
				fields[kind === 'card' ? 'number' : 'holderName'].input.focus();
			},
			clear: function () {
				Object.keys(fields).forEach(function (name) {
					if (fields[name].input.tagName !== 'SELECT') {
						fields[name].input.value = '';
					}
				});
				clearErrors();
			}
		};
	}

	window.SandboxGateway = { version: '1', mount: mount };
})(window, document);
