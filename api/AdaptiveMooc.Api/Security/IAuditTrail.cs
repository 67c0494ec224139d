namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Records an admin or trainer action in the audit log. Endpoints call
/// <c>await context.AuditAsync("course.publish", $"course:{id}")</c> after the change succeeded.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(Caller actor, string action, string target, string? detail = null);
}
