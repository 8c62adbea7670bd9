package org.socialcarebridge.routes.http;

import java.util.Date;
import java.util.List;

import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieStore;

/** A cookie store that keeps nothing: the RT session cookie is sent explicitly by the RT adapter. */
public final class NoCookies implements CookieStore {
    public static final String NAME = "socialcareNoCookies";

    @Override
    public void addCookie(Cookie cookie) {
    }

    @Override
    public List<Cookie> getCookies() {
        return List.of();
    }

    @Override
    @SuppressWarnings("deprecation")
    public boolean clearExpired(Date date) {
        return false;
    }

    @Override
    public void clear() {
    }
}
