package org.portico.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * A login's role on a service account, with the permission table of DECISIONS.md. Every login manages
 * its own security settings and notification preferences whatever its role, so those are not here.
 */
public enum GrantRole {

	OWNER(EnumSet.allOf(Permission.class)),

	MANAGER(EnumSet.of(Permission.VIEW_ACCOUNT, Permission.MAKE_PAYMENT, Permission.CHANGE_SERVICES,
			Permission.CHANGE_ACCOUNT_DETAILS)),

	VIEWER(EnumSet.of(Permission.VIEW_ACCOUNT));

	private final Set<Permission> permissions;

	GrantRole(Set<Permission> permissions) {
		this.permissions = permissions;
	}

	public boolean allows(Permission permission) {
		return permissions.contains(permission);
	}
}
