namespace AdaptiveMooc.Api.Security;

public static class HttpContextAuditExtensions
{
    /// <summary>Audits an action by the current caller (see <see cref="IAuditTrail"/>).</summary>
    public static Task AuditAsync(this HttpContext context, string action, string target, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<IAuditTrail>().RecordAsync(context.Caller(), action, target, detail);
    }
}
