package org.portico.notifications;

import java.util.List;

/**
 * A login's unread notices at a glance: how many there are and the newest few, read together.
 *
 * @param count every unread notice of the login
 * @param latest the newest unread ones, newest first, at most as many as were asked for
 */
public record UnreadNotices(int count, List<InAppNotice> latest) {

	public UnreadNotices {
		latest = List.copyOf(latest);
	}
}
