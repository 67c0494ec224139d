using System.Net;
using System.Net.Sockets;
using AdaptiveMooc.Grains.Abstractions.Webhooks;

namespace AdaptiveMooc.Api.Webhooks;

/// <summary>
/// Which receiver URLs a webhook may have: absolute <c>https</c> without credentials in it. Loopback
/// receivers (<c>localhost</c>, 127.0.0.0/8, ::1), over http or https, only where
/// <c>Mooc:Webhooks:AllowLoopback</c> is true or the environment is Development (a developer's own
/// receiver). Literal private, link-local and unspecified addresses are refused everywhere: a webhook
/// must not become a way to reach the platform's internal network. Host names are not resolved here.
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

        var loopback = parsed.IsLoopback;
        if (loopback)
        {
            if (!allowLoopback)
            {
                return "url: loopback receivers are allowed only in development (Mooc:Webhooks:AllowLoopback).";
            }
        }
        else if (parsed.Scheme != "https")
        {
            return "url must use https (http only to a loopback receiver in development).";
        }
        else if (parsed.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(parsed.IdnHost.Trim('[', ']'), out var address) && IsInternal(address))
        {
            return "url must not point to a private, link-local or unspecified address.";
        }

        url = parsed;
        return null;
    }

    private static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
        }

        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
    }
}
