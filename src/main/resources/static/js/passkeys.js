// Passkeys (WebAuthn) against Spring Security's endpoints: register on the security page, sign in on
// the login page. No inline script (CSP); CSRF token from the page's meta tags.
(function () {
    "use strict";

    function csrfHeaders() {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        var headers = {"Content-Type": "application/json"};
        if (token && header) {
            headers[header.getAttribute("content")] = token.getAttribute("content");
        }
        return headers;
    }

    function toBase64Url(buffer) {
        var bytes = new Uint8Array(buffer);
        var text = "";
        for (var i = 0; i < bytes.length; i++) {
            text += String.fromCharCode(bytes[i]);
        }
        return window.btoa(text).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    }

    function fromBase64Url(value) {
        var base64 = value.replace(/-/g, "+").replace(/_/g, "/");
        var text = window.atob(base64);
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) {
            bytes[i] = text.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function post(url, body) {
        return fetch(url, {method: "POST", headers: csrfHeaders(), body: body ? JSON.stringify(body) : undefined,
            credentials: "same-origin"}).then(function (response) {
            if (!response.ok) {
                throw new Error("HTTP " + response.status);
            }
            return response.json();
        });
    }

    function register(label) {
        return post("/webauthn/register/options").then(function (options) {
            options.user.id = fromBase64Url(options.user.id);
            options.challenge = fromBase64Url(options.challenge);
            options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
                return Object.assign({}, c, {id: fromBase64Url(c.id)});
            });
            return navigator.credentials.create({publicKey: options});
        }).then(function (credential) {
            return post("/webauthn/register", {
                publicKey: {
                    label: label,
                    credential: {
                        id: credential.id,
                        rawId: toBase64Url(credential.rawId),
                        type: credential.type,
                        response: {
                            attestationObject: toBase64Url(credential.response.attestationObject),
                            clientDataJSON: toBase64Url(credential.response.clientDataJSON),
                            transports: credential.response.getTransports ? credential.response.getTransports() : []
                        },
                        clientExtensionResults: credential.getClientExtensionResults(),
                        authenticatorAttachment: credential.authenticatorAttachment
                    }
                }
            });
        }).then(function (result) {
            if (!result || !result.success) {
                throw new Error("registration refused");
            }
        });
    }

    function signIn() {
        return post("/webauthn/authenticate/options").then(function (options) {
            options.challenge = fromBase64Url(options.challenge);
            options.allowCredentials = (options.allowCredentials || []).map(function (c) {
                return Object.assign({}, c, {id: fromBase64Url(c.id)});
            });
            return navigator.credentials.get({publicKey: options});
        }).then(function (credential) {
            return post("/login/webauthn", {
                id: credential.id,
                rawId: toBase64Url(credential.rawId),
                credType: credential.type,
                response: {
                    authenticatorData: toBase64Url(credential.response.authenticatorData),
                    clientDataJSON: toBase64Url(credential.response.clientDataJSON),
                    signature: toBase64Url(credential.response.signature),
                    userHandle: credential.response.userHandle ? toBase64Url(credential.response.userHandle) : undefined
                },
                clientExtensionResults: credential.getClientExtensionResults(),
                authenticatorAttachment: credential.authenticatorAttachment
            });
        }).then(function (result) {
            if (!result || !result.authenticated) {
                throw new Error("sign-in refused");
            }
            window.location.href = result.redirectUrl;
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        var supported = !!(window.PublicKeyCredential && navigator.credentials);
        var registration = document.querySelector("[data-passkey-registration]");
        if (registration) {
            var button = document.getElementById("passkey-register");
            var error = document.getElementById("passkey-error");
            if (!supported) {
                document.getElementById("passkey-unsupported").hidden = false;
                button.disabled = true;
            }
            button.addEventListener("click", function () {
                var label = document.getElementById("passkey-label").value.trim();
                error.hidden = true;
                if (!label) {
                    document.getElementById("passkey-label").focus();
                    return;
                }
                register(label).then(function () {
                    window.location.reload();
                }).catch(function () {
                    error.hidden = false;
                });
            });
        }
        var login = document.querySelector("[data-passkey-login]");
        if (login && supported) {
            var signInButton = document.getElementById("passkey-signin");
            var signInError = document.getElementById("passkey-error");
            signInButton.hidden = false;
            signInButton.addEventListener("click", function () {
                signInError.hidden = true;
                signIn().catch(function () {
                    signInError.hidden = false;
                });
            });
        }
    });
})();
