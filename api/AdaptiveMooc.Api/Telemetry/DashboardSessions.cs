using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AdaptiveMooc.Api.Telemetry;

/// <summary>
/// Browser sessions for the Orleans dashboard. The dashboard is a page whose scripts call its own routes with no
/// way to send the admin's key or token, so an admin (the web app's admin page, on the admin's behalf) asks for a
/// one-time ticket (<see cref="TicketLifetime"/>), the browser trades it at <c>/admin/dashboard/signin</c> for an
/// HttpOnly cookie scoped to <c>/admin/dashboard</c>, valid <see cref="SessionLifetime"/>. Both live in this API
/// process only: a restart ends them, and each API process of a cluster has its own.
/// </summary>
public sealed class DashboardSessions(TimeProvider clock)
{
    public const string CookieName = "mooc-dashboard";
    public const string Path = "/admin/dashboard";
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    private const int MaxOpen = 1000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> sessions = new(StringComparer.Ordinal);

    /// <summary>A new ticket and when it expires.</summary>
    public (string Ticket, DateTimeOffset ExpiresAt) OpenTicket()
    {
        Sweep();
        var expires = clock.GetUtcNow() + TicketLifetime;
        var ticket = NewSecret();
        tickets[ticket] = expires;
        return (ticket, expires);
    }

    /// <summary>Trades an unexpired ticket (once) for a session id; null for an unknown, used or expired one.</summary>
    public string? Redeem(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || !tickets.TryRemove(ticket, out var expires) || expires <= clock.GetUtcNow())
        {
            return null;
        }

        var session = NewSecret();
        sessions[session] = clock.GetUtcNow() + SessionLifetime;
        return session;
    }

    public bool IsValid(string? session) =>
        !string.IsNullOrEmpty(session) && sessions.TryGetValue(session, out var expires) && expires > clock.GetUtcNow();

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Drops expired entries, and bounds what a burst of tickets can hold.</summary>
    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var store in new[] { tickets, sessions })
        {
            foreach (var (key, expires) in store)
            {
                if (expires <= now || store.Count > MaxOpen)
                {
                    store.TryRemove(key, out _);
                }
            }
        }
    }
}
