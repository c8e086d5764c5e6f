package org.portico.identity;

import java.util.Optional;

/**
 * The approximate place of an IP address (“Philadelphia, PA, US”), from an IP-location database the
 * operator configures. Without one (the default), every place is unknown and pages say “Unknown
 * location” (DECISIONS.md).
 */
public interface IpLocation {

	Optional<String> placeOf(String ip);
}
