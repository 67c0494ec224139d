using System.Security.Cryptography;
using System.Text;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Cmi5;

namespace AdaptiveMooc.Grains.Cmi5;

/// <summary>
/// One AU registration (<see cref="ICmi5RegistrationGrain"/>). The session rules of cmi5 9.3 are checked
/// here, one call at a time: initialized first, no cmi5 defined verb twice in a session, at most one of
/// passed and failed per session, completed and passed once per registration, a passed score at or above the
/// mastery score and a failed one below it, nothing after terminated or abandoned.
/// </summary>
[GrainType("cmi5-registration")]
internal sealed class Cmi5RegistrationGrain(
    [PersistentState("cmi5Registration", StorageNames.Default)] IPersistentState<Cmi5RegistrationState> state,
    TimeProvider clock) : Grain, ICmi5RegistrationGrain
{
    public async Task<Cmi5LaunchTicket> Launch(Cmi5Unit unit, string fetchSecretHash)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var s = state.State;
        Guid? abandoned = s.Unit is not null && s.SessionId != Guid.Empty && !s.Terminated ? s.SessionId : null;
        DateTimeOffset? abandonedStarted = abandoned is null ? null : s.SessionStarted;
        s.Unit = unit;
        s.SessionId = Guid.NewGuid();
        s.SessionStarted = clock.GetUtcNow();
        s.FetchSecretHash = fetchSecretHash;
        s.TokenHash = string.Empty;
        s.Fetched = false;
        s.Initialized = false;
        s.Terminated = false;
        s.SessionVerbs = [];
        if (unit.MoveOn == "NotApplicable")
        {
            s.Satisfied = true;
        }

        await state.WriteStateAsync();
        return new Cmi5LaunchTicket(s.SessionId, abandoned, abandonedStarted);
    }

    public async Task<string?> Fetch(Guid sessionId, string fetchSecretHash)
    {
        var s = state.State;
        if (s.Unit is null || s.SessionId != sessionId || s.Fetched || s.Terminated
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s.FetchSecretHash), Encoding.ASCII.GetBytes(fetchSecretHash ?? string.Empty)))
        {
            return null;
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        s.Fetched = true;
        s.TokenHash = Cmi5Hash.Of(secret);
        await state.WriteStateAsync();
        return secret;
    }

    public Task<Cmi5Session?> Authenticate(Guid sessionId, string tokenHash)
    {
        var s = state.State;
        var live = s.Unit is not null && s.SessionId == sessionId && s.Fetched && !s.Terminated
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s.TokenHash), Encoding.ASCII.GetBytes(tokenHash ?? string.Empty));
        return Task.FromResult(live ? new Cmi5Session(sessionId, s.Unit!) : null);
    }

    public Task<string?> Check(Guid sessionId, IReadOnlyList<Cmi5Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Task.FromResult(Replay(sessionId, facts, apply: false));
    }

    public async Task<bool> Record(Guid sessionId, IReadOnlyList<Cmi5Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var wasSatisfied = state.State.Satisfied;
        if (Replay(sessionId, facts, apply: true) is not null)
        {
            return false;
        }

        state.State.Satisfied = wasSatisfied || MoveOnMet();
        await state.WriteStateAsync();
        return !wasSatisfied && state.State.Satisfied;
    }

    public async Task<bool> Waive()
    {
        var s = state.State;
        if (s.Unit is null || s.Waived)
        {
            return false;
        }

        var wasSatisfied = s.Satisfied;
        s.Waived = true;
        s.Satisfied = true;
        await state.WriteStateAsync();
        return !wasSatisfied;
    }

    public Task<Cmi5Status?> GetStatus()
    {
        var s = state.State;
        return Task.FromResult(s.Unit is null
            ? null
            : new Cmi5Status(s.Unit, s.Completed, s.Passed, s.Failed, s.Waived, s.Satisfied, s.Initialized, s.Terminated));
    }

    /// <summary>Runs the facts against the session's rules; with <paramref name="apply"/> the state takes them in.</summary>
    private string? Replay(Guid sessionId, IReadOnlyList<Cmi5Fact> facts, bool apply)
    {
        var s = state.State;
        if (s.Unit is null || s.SessionId != sessionId)
        {
            return "This cmi5 session is over (another launch abandoned it).";
        }

        var initialized = s.Initialized;
        var terminated = s.Terminated;
        var completed = s.Completed;
        var passed = s.Passed;
        var failed = s.Failed;
        var verbs = new HashSet<string>(s.SessionVerbs, StringComparer.Ordinal);
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            var at = $"[{i}]";
            if (terminated)
            {
                return $"{at}: the session is terminated; no statement may follow \"terminated\" (cmi5 9.3.8).";
            }

            if (fact.Registration != s.Unit.Registration)
            {
                return $"{at}: context.registration must be the launch's registration {s.Unit.Registration:D} (cmi5 9.6.1).";
            }

            if (fact.Verb == Cmi5Verbs.Voided)
            {
                return $"{at}: an AU may not void statements (cmi5 6.3).";
            }

            var defined = Cmi5Verbs.IsAuDefined(fact.Verb) && fact.Cmi5Category;
            if (!initialized && fact.Verb != Cmi5Verbs.Initialized)
            {
                return $"{at}: the first statement of a session must be \"initialized\" (cmi5 9.3).";
            }

            if (!defined)
            {
                continue;
            }

            if (!fact.AboutUnit)
            {
                return $"{at}: the object of a cmi5 defined statement must be the launch's activityId {s.Unit.ActivityId} (cmi5 9.4).";
            }

            if (!verbs.Add(fact.Verb))
            {
                return $"{at}: \"{Short(fact.Verb)}\" was already used in this session (cmi5 9.3: verbs must not be duplicated).";
            }

            switch (fact.Verb)
            {
                case Cmi5Verbs.Initialized:
                    initialized = true;
                    break;
                case Cmi5Verbs.Completed when completed:
                    return $"{at}: \"completed\" was already recorded for this registration (cmi5 9.3.3).";
                case Cmi5Verbs.Completed:
                    completed = true;
                    break;
                case Cmi5Verbs.Passed or Cmi5Verbs.Failed when verbs.Contains(Cmi5Verbs.Passed) && verbs.Contains(Cmi5Verbs.Failed):
                    return $"{at}: a session uses at most one of \"passed\" and \"failed\" (cmi5 9.3).";
                case Cmi5Verbs.Passed when passed:
                    return $"{at}: \"passed\" was already recorded for this registration (cmi5 9.3.4).";
                case Cmi5Verbs.Passed when s.Unit.MasteryScore is { } mastery && fact.Scaled is { } scaled && scaled < mastery:
                    return $"{at}: result.score.scaled {scaled} is below the mastery score {mastery}; a \"passed\" score must reach it (cmi5 9.3.4).";
                case Cmi5Verbs.Passed:
                    passed = true;
                    break;
                case Cmi5Verbs.Failed when s.Unit.MasteryScore is { } mastery && fact.Scaled is { } scaled && scaled >= mastery:
                    return $"{at}: result.score.scaled {scaled} reaches the mastery score {mastery}; a \"failed\" score must be below it (cmi5 9.3.5).";
                case Cmi5Verbs.Failed:
                    failed = true;
                    break;
                case Cmi5Verbs.Terminated:
                    terminated = true;
                    break;
            }
        }

        if (apply)
        {
            s.Initialized = initialized;
            s.Terminated = terminated;
            s.Completed = completed;
            s.Passed = passed;
            s.Failed = failed;
            s.SessionVerbs = [.. verbs];
        }

        return null;
    }

    /// <summary>The AU's moveOn criterion (cmi5 13.1.4), a waiver always meeting it.</summary>
    private bool MoveOnMet()
    {
        var s = state.State;
        return s.Waived || s.Unit!.MoveOn switch
        {
            "Completed" => s.Completed,
            "Passed" => s.Passed,
            "CompletedAndPassed" => s.Completed && s.Passed,
            "CompletedOrPassed" => s.Completed || s.Passed,
            _ => true,
        };
    }

    private static string Short(string verb) => verb[(verb.LastIndexOf('/') + 1)..];
}
