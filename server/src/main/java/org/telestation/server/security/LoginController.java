package org.telestation.server.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The French sign-in page and the page shown when the OIDC provider's professional has no account here. */
@Controller
class LoginController {

    private final ObjectProvider<OidcLogin> oidc;

    LoginController(ObjectProvider<OidcLogin> oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(Model model) {
        OidcLogin o = oidc.getIfAvailable();
        model.addAttribute("oidcEnabled", o != null);
        if (o != null) {
            model.addAttribute("oidcUrl", "/oauth2/authorization/" + o.registrationId());
            model.addAttribute("oidcLabel", o.label());
        }
        return "login";
    }

    @GetMapping("/login/oidc-refused")
    String oidcRefused(@RequestParam(defaultValue = "error") String reason, Model model) {
        model.addAttribute("unknown", "unknown".equals(reason));
        return "security/oidc-refused";
    }
}
