package org.portico.notifications;

/** No message template of that name: a programming error in the caller, refused before anything is stored. */
public class UnknownTemplateException extends IllegalArgumentException {

	public UnknownTemplateException(String template) {
		super("No message template '" + template.replaceAll("[^A-Za-z0-9-]", "?") + "'");
	}
}
