using System.Net;
using AdaptiveMooc.Api.Telemetry;

namespace AdaptiveMooc.Api.Tests.Telemetry;

/// <summary>The rule behind /metrics and the dashboard, for addresses a test server cannot present.</summary>
public sealed class OperatorAccessTests
{
    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("::ffff:127.0.0.1", false, true)]
    [InlineData("203.0.113.9", false, false)]
    [InlineData("203.0.113.9", true, true)]
    [InlineData(null, false, false)]
    public void Metrics_answer_loopback_callers_and_admins(string? address, bool admin, bool allowed) =>
        Assert.Equal(allowed, OperatorAccess.Metrics.Allows(address is null ? null : IPAddress.Parse(address), admin));

    [Theory]
    [InlineData("127.0.0.1", false, false, false)]
    [InlineData("127.0.0.1", true, false, true)]
    [InlineData("203.0.113.9", true, false, false)]
    [InlineData("203.0.113.9", true, true, true)]
    [InlineData("203.0.113.9", false, true, false)]
    public void The_dashboard_answers_admins_from_the_loopback_unless_remote_is_allowed(string address, bool admin, bool allowRemote, bool allowed) =>
        Assert.Equal(allowed, OperatorAccess.Dashboard(allowRemote).Allows(IPAddress.Parse(address), admin));

    [Fact]
    public void A_dashboard_ticket_opens_one_session_once_and_expires()
    {
        var clock = new StepClock();
        var sessions = new DashboardSessions(clock);
        var (ticket, _) = sessions.OpenTicket();
        var session = sessions.Redeem(ticket);
        Assert.NotNull(session);
        Assert.True(sessions.IsValid(session));
        Assert.Null(sessions.Redeem(ticket));
        Assert.False(sessions.IsValid("not-a-session"));

        var (late, _) = sessions.OpenTicket();
        clock.Advance(DashboardSessions.TicketLifetime + TimeSpan.FromSeconds(1));
        Assert.Null(sessions.Redeem(late));

        clock.Advance(DashboardSessions.SessionLifetime);
        Assert.False(sessions.IsValid(session));
    }

    private sealed class StepClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
