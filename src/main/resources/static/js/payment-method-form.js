/*
 * The add-a-payment-method page (payments/methods/new.html): mounts the gateway's hosted fields and, on
 * submit, has them send the card or bank account to the gateway; only the token it returns (and the kind)
 * is posted to Portico. Without this script (JavaScript off) the form stays hidden and the page says why.
 */
(function (window, document) {
	'use strict';

	var form = document.getElementById('payment-method-form');
	if (!form) {
		return;
	}
	var container = document.getElementById('hosted-fields');
	var failed = document.getElementById('hosted-fields-failed');
	var tokenInput = document.getElementById('payment-token');
	var consent = document.getElementById('consent');
	var submit = document.getElementById('save-method');
	form.hidden = false;

	if (!window.SandboxGateway || typeof window.SandboxGateway.mount !== 'function') {
		container.hidden = true;
		failed.hidden = false;
		submit.disabled = true;
		return;
	}

	var fields = window.SandboxGateway.mount(container, {
		kind: form.dataset.kind,
		publishableKey: form.dataset.publishableKey,
		tokenUrl: form.dataset.tokenUrl,
		locale: form.dataset.locale
	});

	function consentError(show) {
		var error = document.getElementById('consent-error');
		if (show) {
			if (!error) {
				error = document.createElement('div');
				error.id = 'consent-error';
				error.className = 'invalid-feedback';
				consent.parentNode.appendChild(error);
			}
			error.textContent = form.dataset.consentRequired;
			consent.classList.add('is-invalid');
			consent.setAttribute('aria-invalid', 'true');
			consent.setAttribute('aria-describedby', 'consent-error consent-text');
		}
		else {
			if (error) {
				error.remove();
			}
			consent.classList.remove('is-invalid');
			consent.removeAttribute('aria-invalid');
			consent.setAttribute('aria-describedby', 'consent-text');
		}
	}

	consent.addEventListener('change', function () {
		if (consent.checked) {
			consentError(false);
		}
	});

	var label = submit.textContent;
	var submitting = false;

	form.addEventListener('submit', function (event) {
		event.preventDefault();
		if (submitting) {
			return;
		}
		if (!consent.checked) {
			// asked before the details go to the gateway: no token is made that would not be used
			consentError(true);
			consent.focus();
			return;
		}
		submitting = true;
		submit.disabled = true;
		submit.textContent = form.dataset.working;
		fields.tokenize().then(function (result) {
			if (result.error) {
				// the hosted fields show the error beside its field
				submitting = false;
				submit.disabled = false;
				submit.textContent = label;
				return;
			}
			tokenInput.value = result.token;
			// a programmatic submit does not fire this listener again
			form.submit();
		});
	});

	// back to this page from the next one (the browser's page cache): ready again, without the used token
	window.addEventListener('pageshow', function (event) {
		if (event.persisted) {
			submitting = false;
			submit.disabled = false;
			submit.textContent = label;
			tokenInput.value = '';
		}
	});
})(window, document);
