package org.portico.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in login, as kept in the session: identifiers and a display name only. The password hash
 * is present only while Spring Security checks it and is erased right after.
 */
public final class CurrentLogin implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID loginId;

	private final UUID personId;

	private final String customerId;

	private final String email;

	private final String firstName;

	private final String language;

	private final boolean enabled;

	private @Nullable String passwordHash;

	CurrentLogin(UUID loginId, UUID personId, String customerId, String email, String firstName, String language,
			boolean enabled, @Nullable String passwordHash) {
		this.loginId = loginId;
		this.personId = personId;
		this.customerId = customerId;
		this.email = email;
		this.firstName = firstName;
		this.language = language;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	public LoginId id() {
		return new LoginId(loginId);
	}

	public String customerId() {
		return customerId;
	}

	public String firstName() {
		return firstName;
	}

	/** The login's language tag (en-US or es-US), used for the locale after sign-in. */
	public String language() {
		return language;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"));
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	/** The principal name recorded with the session: the login's ID, never an email. */
	@Override
	public String getUsername() {
		return loginId.toString();
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	UUID personId() {
		return personId;
	}

	String email() {
		return email;
	}

	@Override
	public String toString() {
		return "CurrentLogin[" + loginId + "]";
	}
}
