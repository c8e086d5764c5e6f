// The pay form: a card for this payment only is typed into the gateway's hosted fields, which turn it into a
// single-use token; only that token goes to Portico. Saved methods need no script at all.
(function () {
  'use strict';

  function init() {
    var form = document.getElementById('pay-form');
    if (form) {
      payForm(form);
    }
    document.querySelectorAll('form[data-submit-once]').forEach(function (f) {
      f.addEventListener('submit', function () {
        // the server charges once per form anyway; this only spares the customer a second wait
        f.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
      });
    });
  }

  function payForm(form) {
    var container = document.getElementById('hosted-card');
    var fields = document.getElementById('new-card-fields');
    var tokenInput = document.getElementById('token');
    var summaryInput = document.getElementById('card-summary');
    var otherAmount = document.getElementById('other-amount');
    var card = null;

    function selected(name) {
      var checked = form.querySelector('input[name="' + name + '"]:checked');
      return checked ? checked.value : null;
    }

    function showCardFields() {
      var wanted = selected('method') === 'new-card';
      fields.hidden = !wanted;
      if (wanted && !card && window.SandboxGateway) {
        card = window.SandboxGateway.mount(container, {
          kind: 'card',
          publishableKey: form.dataset.publishableKey,
          tokenUrl: form.dataset.tokenUrl,
          locale: form.dataset.locale
        });
      }
    }

    form.querySelectorAll('input[name="method"]').forEach(function (radio) {
      radio.addEventListener('change', showCardFields);
    });
    if (otherAmount) {
      // typing another amount chooses it
      otherAmount.addEventListener('input', function () {
        var other = document.getElementById('amount-other');
        if (other) { other.checked = true; }
      });
    }
    showCardFields();

    form.addEventListener('submit', function (event) {
      if (selected('method') !== 'new-card' || !card || tokenInput.value) {
        return;
      }
      event.preventDefault();
      var button = document.getElementById('review-button');
      button.disabled = true;
      card.tokenize().then(function (result) {
        if (result && result.token) {
          tokenInput.value = result.token;
          if (summaryInput && result.summary) {
            // what the review step shows (the receipt shows what the gateway says was charged)
            summaryInput.value = (result.summary.brand || '') + ' ' + (result.summary.last4 || '');
          }
          form.submit();
        } else {
          button.disabled = false;
        }
      }, function () {
        button.disabled = false;
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
