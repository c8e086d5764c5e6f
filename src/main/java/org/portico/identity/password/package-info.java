/** Password strength estimates and the offline common-password lists (nbvcxz), used by the password policy. */
@org.jspecify.annotations.NullMarked
package org.portico.identity.password;
