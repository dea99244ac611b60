-- Excerpt of /etc/prosody/conf.avail/visio.cpts-example.fr.cfg.lua for Telestation (Jitsi Meet Debian install with
-- the jitsi-meet-tokens package). Only the parts that differ from the file the installer writes are shown;
-- merge them into it, do not replace it. Checked for Lua syntax with `luac5.4 -p`.

-- jitsi-contrib/prosody-plugins: mod_token_affiliation.lua and mod_token_lobby_bypass.lua copied here.
plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/", "/usr/local/share/prosody-plugins-telestation/" }

VirtualHost "visio.cpts-example.fr"
    -- Every participant needs a room token issued by the Telestation server.
    authentication = "token"
    app_id = "telestation"               -- TELESTATION_JITSI_APP_ID (the `iss` of the tokens)
    app_secret = "change-me"             -- TELESTATION_JITSI_APP_SECRET (HS256); 32+ random bytes
    allow_empty_token = false
    -- Accept only our issuer and audience.
    asap_accepted_issuers = { "telestation" }
    asap_accepted_audiences = { "telestation" }
    modules_enabled = {
        "bosh";
        "websocket";
        "ping";
        "speakerstats";
        "conference_duration";
        "muc_lobby_rooms";               -- waiting room ("lobby") for extra participants
        "presence_identity";             -- the name from the token is what others see
    }
    main_muc = "conference.visio.cpts-example.fr"
    lobby_muc = "lobby.visio.cpts-example.fr"
    c2s_require_encryption = true

Component "conference.visio.cpts-example.fr" "muc"
    restrict_room_creation = true
    storage = "memory"
    modules_enabled = {
        "muc_meeting_id";
        "muc_domain_mapper";
        "token_verification";            -- the token's `room` claim must match the room joined
        "token_affiliation";             -- context.user.affiliation: owner (doctor) | member (others)
        "token_lobby_bypass";            -- context.user.lobby_bypass: the nurse's cart skips the lobby
    }
    admins = { "focus@auth.visio.cpts-example.fr" }
    muc_room_locking = false
    muc_room_default_public_jids = true

Component "lobby.visio.cpts-example.fr" "muc"
    storage = "memory"
    restrict_room_creation = true
    muc_room_locking = false
    muc_room_default_public_jids = true
