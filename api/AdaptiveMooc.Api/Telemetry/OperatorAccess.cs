using System.Net;
using AdaptiveMooc.Api.Security;
using Microsoft.AspNetCore.Authorization;

namespace AdaptiveMooc.Api.Telemetry;

/// <summary>
/// Who may read the operator surfaces. <c>GET /metrics</c>: an admin, or any caller from this machine's loopback
/// (a Prometheus beside the API scrapes without a key). The dashboard: an admin (admin key, admin token, or a
/// dashboard session an admin opened), and only from the loopback unless <c>Mooc:Dashboard:AllowRemote</c>.
/// The address is the connection's, after the trusted proxies of <c>Mooc:Proxy</c> are applied: behind the
/// documented TLS proxy a remote caller is remote, not the proxy's loopback.
/// </summary>
public sealed record OperatorAccess(bool LoopbackSuffices, bool LoopbackRequired, bool DashboardSessionCounts) : IAuthorizationRequirement
{
    public static readonly OperatorAccess Metrics = new(LoopbackSuffices: true, LoopbackRequired: false, DashboardSessionCounts: false);

    public static OperatorAccess Dashboard(bool allowRemote) => new(LoopbackSuffices: false, LoopbackRequired: !allowRemote, DashboardSessionCounts: true);

    /// <summary>The rule itself: <paramref name="admin"/> says whether the caller proved to be an admin.</summary>
    public bool Allows(IPAddress? remote, bool admin)
    {
        var loopback = IsLoopback(remote);
        if (LoopbackRequired && !loopback)
        {
            return false;
        }

        return admin || (LoopbackSuffices && loopback);
    }

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}

/// <summary>Decides <see cref="OperatorAccess"/> for the endpoint's request.</summary>
public sealed class OperatorAccessHandler(DashboardSessions sessions) : AuthorizationHandler<OperatorAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorAccess requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.Resource is HttpContext http)
        {
            var admin = context.User.HasClaim(MoocClaims.Kind, nameof(CallerKind.Admin))
                || (requirement.DashboardSessionCounts && sessions.IsValid(http.Request.Cookies[DashboardSessions.CookieName]));
            if (requirement.Allows(http.Connection.RemoteIpAddress, admin))
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
