namespace AdaptiveMooc.Grains.Abstractions.Cmi5;

/// <summary>
/// One learner's cmi5 registration of one assignable unit of a cmi5 lesson (docs/XAPI.md, "cmi5"), keyed by
/// <see cref="Cmi5Keys.Unit"/>: the current launch session (one-time fetch, auth token, initialized /
/// terminated), the unit's results across sessions (completed, passed, failed, waived) and whether its moveOn
/// criterion is satisfied. Bounded state: one session at a time; a new launch abandons an unterminated one.
/// </summary>
[Alias("mooc.ICmi5RegistrationGrain")]
public interface ICmi5RegistrationGrain : IGrainWithStringKey
{
    /// <summary>Starts a session; the answer says which earlier session, if any, it abandoned.</summary>
    [Alias("Launch")]
    Task<Cmi5LaunchTicket> Launch(Cmi5Unit unit, string fetchSecretHash);

    /// <summary>The one-time fetch: the session's auth token the first time, null after (or for another session).</summary>
    [Alias("Fetch")]
    Task<string?> Fetch(Guid sessionId, string fetchSecretHash);

    /// <summary>The session an auth token belongs to while it is live (fetched, not terminated or abandoned), else null.</summary>
    [Alias("Authenticate")]
    Task<Cmi5Session?> Authenticate(Guid sessionId, string tokenHash);

    /// <summary>Why these statements of the AU break cmi5's rules for the session (null: they may be stored).</summary>
    [Alias("Check")]
    Task<string?> Check(Guid sessionId, IReadOnlyList<Cmi5Fact> facts);

    /// <summary>Records stored statements of the AU; true when this made the unit satisfied.</summary>
    [Alias("Record")]
    Task<bool> Record(Guid sessionId, IReadOnlyList<Cmi5Fact> facts);

    /// <summary>Waives the unit (an LMS decision); true when this made it satisfied.</summary>
    [Alias("Waive")]
    Task<bool> Waive();

    [Alias("GetStatus")]
    Task<Cmi5Status?> GetStatus();
}
