# Written by Social Care Bridge's install-rt.sh; edits are overwritten on the next run.
Set($WebPath, "");
Set($WebDomain, "127.0.0.1");
Set($WebPort, 8085);
Set($WebBaseURL, "http://127.0.0.1:8085");
Set(@ReferrerWhitelist, qw(127.0.0.1:8085 localhost:8085));
Set($LogToSyslog, undef);
Set($LogToSTDERR, "warning");
Set($MailCommand, "mbox");
# Where the scrip tells the plugin at once that an agent replied (the plugin also reconciles). It sends
# $SocialCareNotifySecret, which provision.sh keeps in 98-socialcare-secret.pm (root and www-data only).
Set($SocialCareNotifyURL, "http://127.0.0.1:8181/socialcare/rt/transactions");
Plugin("RT::Extension::SocialCare");
1;
