using System.Net;
using AdaptiveMooc.Grains.Abstractions.Webhooks;

namespace AdaptiveMooc.Api.Webhooks;

/// <summary>
/// Which receiver URLs a webhook may have: absolute <c>https</c> without credentials in it. Loopback
/// receivers (<c>localhost</c>, 127.0.0.0/8, ::1, ::ffff:127.x.y.z), over http or https, only where the
/// test-only switch <c>Mooc:Webhooks:AllowLoopback</c> is true or the environment is Development (a
/// developer's own receiver). Every other literal special-use address (<see cref="WebhookAddresses"/>)
/// is refused everywhere: a webhook must not become a way to reach the platform's internal network.
/// Host names are not resolved here (the answer could change before delivery): the silo checks every
/// address it connects to (<c>WebhookConnector</c>).
/// </summary>
public static class WebhookUrlPolicy
{
    public const string AllowLoopbackKey = "Mooc:Webhooks:AllowLoopback";

    /// <summary>Null when <paramref name="text"/> is acceptable (then <paramref name="url"/> is set); otherwise why not.</summary>
    public static string? Check(string? text, bool allowLoopback, out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "url is required: the absolute https URL deliveries are POSTed to.";
        }

        if (text.Length > WebhookLimits.UrlMaxLength)
        {
            return $"url must be at most {WebhookLimits.UrlMaxLength} characters.";
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http") || parsed.Host.Length == 0)
        {
            return "url must be an absolute https URL.";
        }

        if (parsed.UserInfo.Length > 0)
        {
            return "url must not carry credentials (user:password@); deliveries are authenticated by their signature.";
        }

        if (!string.IsNullOrEmpty(parsed.Fragment))
        {
            return "url must not have a fragment (#...).";
        }

        var literal = parsed.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(parsed.IdnHost.Trim('[', ']'), out var address) ? address : null;
        var loopback = parsed.IsLoopback || (literal is not null && WebhookAddresses.IsLoopback(literal));
        if (loopback)
        {
            if (!allowLoopback)
            {
                return "url: loopback receivers are allowed only in tests (Mooc:Webhooks:AllowLoopback).";
            }
        }
        else if (parsed.Scheme != "https")
        {
            return "url must use https (http only to a loopback receiver in tests).";
        }
        else if (literal is not null && WebhookAddresses.IsSpecialUse(literal))
        {
            return "url must not point to a private, loopback, link-local, multicast or other special-use address.";
        }

        url = parsed;
        return null;
    }
}
