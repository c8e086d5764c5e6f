package org.portico.catalog;

/**
 * What an offering is. Declared in the order accounts list their services: internet, TV and its add-ons,
 * phone and its features, then equipment.
 */
public enum OfferingKind {

	INTERNET, TV, TV_ADDON, PHONE, PHONE_FEATURE, EQUIPMENT;

	/** Whether this is one of the three services a household subscribes to (and equipment serves). */
	public boolean isBaseService() {
		return this == INTERNET || this == TV || this == PHONE;
	}
}
