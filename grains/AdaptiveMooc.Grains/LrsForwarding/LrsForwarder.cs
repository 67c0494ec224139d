using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.LrsForwarding;

/// <summary>
/// One forwarding round per target: sends the statements after its cursor (up to the stable horizon) in
/// log order, in batches, and moves the cursor only once the target has answered. So a crash of either
/// side re-sends at most the batch in flight, with the same statement ids, which the target collapses
/// (xAPI: a statement id already stored with the same content is not stored again): at-least-once
/// delivery, in order per learner.
/// </summary>
internal sealed partial class LrsForwarder(
    LrsForwardingStore store, LrsSecretProtector secrets, HttpClient http, TimeProvider clock, IOptions<LrsForwardingOptions> options,
    ILogger<LrsForwarder> logger)
{
    private const int ErrorTextLength = 300;

    private readonly LrsForwardingOptions settings = options.Value;

    /// <summary>Forwards for every target that is due; true when some target has more to send right away.</summary>
    public async Task<bool> ForwardAsync(IReadOnlyList<ForwardingTargetRow> targets, long horizon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var more = false;
        foreach (var target in targets)
        {
            if (target.NextAttemptAt is { } due && due > clock.GetUtcNow())
            {
                continue;
            }

            string password;
            try
            {
                password = secrets.Unprotect(target.Id, target.ProtectedPassword);
            }
            catch (System.Security.Cryptography.CryptographicException exception)
            {
                LogCannotDecrypt(logger, exception, target.Id);
                await store.RecordFailureAsync(
                    target.Id, target.Cursor, target.Attempts + 1, clock.GetUtcNow() + settings.LongestRetry,
                    "The stored password cannot be decrypted with this silo's key (Mooc:LrsForwarding:KeyPath).", clock.GetUtcNow(), cancellationToken);
                continue;
            }

            var authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{target.Username}:{password}")));
            await RetryDeadLettersAsync(target, authorization, cancellationToken);
            more |= await ForwardTargetAsync(target, authorization, horizon, cancellationToken);
        }

        return more;
    }

    private async Task<bool> ForwardTargetAsync(ForwardingTargetRow target, AuthenticationHeaderValue authorization, long horizon, CancellationToken cancellationToken)
    {
        if (horizon <= target.Cursor)
        {
            return false;
        }

        var read = await store.ReadAsync(target.Cursor, horizon, target.CourseIds, settings.BatchSize, cancellationToken);
        var batch = TakeWithinBytes(read);

        // Every matching statement up to the horizon is in this batch when the read was not cut short.
        var complete = read.Count < settings.BatchSize && batch.Count == read.Count;
        var end = complete ? horizon : batch[^1].Sequence;
        if (batch.Count == 0)
        {
            await store.AdvanceAsync(target.Id, target.Cursor, horizon, 0, clock.GetUtcNow(), cancellationToken);
            return false;
        }

        var answer = await SendAsync(target, authorization, batch, cancellationToken);
        if (answer.Kind == AnswerKind.Delivered)
        {
            await store.AdvanceAsync(target.Id, target.Cursor, end, batch.Count, clock.GetUtcNow(), cancellationToken);
            return !complete;
        }

        if (answer.Kind == AnswerKind.Unreachable || batch.Count == 1)
        {
            await FailAsync(target, target.Cursor, target.Attempts, batch[0], answer, cancellationToken);
            return false;
        }

        // The target refused or failed on the batch: find the statement it holds against, one at a time, so
        // the others go through (in order) and only that one is dead-lettered or retried.
        var cursor = target.Cursor;
        var attempts = target.Attempts;
        foreach (var statement in batch)
        {
            var single = await SendAsync(target, authorization, [statement], cancellationToken);
            if (single.Kind != AnswerKind.Delivered)
            {
                if (!await FailAsync(target, cursor, attempts, statement, single, cancellationToken))
                {
                    return false;
                }
            }
            else if (!await store.AdvanceAsync(target.Id, cursor, statement.Sequence, 1, clock.GetUtcNow(), cancellationToken))
            {
                return false;
            }

            cursor = statement.Sequence;
            attempts = 0;
        }

        if (complete)
        {
            await store.AdvanceAsync(target.Id, cursor, horizon, 0, clock.GetUtcNow(), cancellationToken);
        }

        return !complete;
    }

    /// <summary>
    /// A statement the target did not take: dead-lettered when it never will (a 4xx refusal) or after
    /// <see cref="LrsForwardingOptions.MaxAttempts"/> server errors; otherwise retried later with backoff.
    /// True when the cursor moved past it.
    /// </summary>
    private async Task<bool> FailAsync(ForwardingTargetRow target, long cursor, int attemptsSoFar, ForwardedStatement statement, Answer answer, CancellationToken cancellationToken)
    {
        var attempts = attemptsSoFar + 1;
        var now = clock.GetUtcNow();
        if (answer.Kind == AnswerKind.Refused || (answer.Kind == AnswerKind.Failed && attempts >= settings.MaxAttempts))
        {
            LogDeadLettered(logger, target.Id, statement.Id, statement.Sequence, answer.Error);
            return await store.DeadLetterAsync(target.Id, cursor, statement, attempts, answer.StatusCode, answer.Error, now, cancellationToken);
        }

        var delay = Backoff(attempts);
        LogRetrying(logger, target.Id, attempts, delay, answer.Error);
        await store.RecordFailureAsync(target.Id, cursor, attempts, now + delay, answer.Error, now, cancellationToken);
        return false;
    }

    private async Task RetryDeadLettersAsync(ForwardingTargetRow target, AuthenticationHeaderValue authorization, CancellationToken cancellationToken)
    {
        foreach (var (statement, attempts) in await store.RetryRequestedAsync(target.Id, settings.BatchSize, cancellationToken))
        {
            var answer = await SendAsync(target, authorization, [statement], cancellationToken);
            if (answer.Kind == AnswerKind.Delivered)
            {
                await store.ResolveDeadLetterAsync(target.Id, statement.Sequence, clock.GetUtcNow(), cancellationToken);
            }
            else
            {
                await store.FailDeadLetterAsync(target.Id, statement, attempts + 1, answer.StatusCode, answer.Error, clock.GetUtcNow(), cancellationToken);
            }
        }
    }

    private List<ForwardedStatement> TakeWithinBytes(IReadOnlyList<ForwardedStatement> read)
    {
        var taken = new List<ForwardedStatement>(read.Count);
        var bytes = 2L;
        foreach (var statement in read)
        {
            bytes += Encoding.UTF8.GetByteCount(statement.Json) + 1;
            if (taken.Count > 0 && bytes > settings.MaxBatchBytes)
            {
                break;
            }

            taken.Add(statement);
        }

        return taken;
    }

    private TimeSpan Backoff(int attempts)
    {
        var seconds = settings.FirstRetry.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.LongestRetry.TotalSeconds));
    }

    private async Task<Answer> SendAsync(ForwardingTargetRow target, AuthenticationHeaderValue authorization, IReadOnlyList<ForwardedStatement> statements, CancellationToken cancellationToken)
    {
        var body = new StringBuilder("[");
        for (var i = 0; i < statements.Count; i++)
        {
            body.Append(i == 0 ? string.Empty : ",").Append(statements[i].Json);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, StatementsUri(target.Endpoint))
        {
            Content = new StringContent(body.Append(']').ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = authorization;
        request.Headers.Add("X-Experience-API-Version", "1.0.3");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
            {
                // 409: the target holds a statement with one of these ids already. Ids are the platform's, so
                // that is an earlier delivery of ours (at-least-once); a single statement is settled by it.
                if (response.StatusCode != HttpStatusCode.Conflict || statements.Count == 1)
                {
                    return new Answer(AnswerKind.Delivered, status, string.Empty);
                }
            }

            var text = await ReadErrorAsync(response, timeout.Token);
            var error = $"HTTP {status} from the target: {text}";
            return response.StatusCode switch
            {
                HttpStatusCode.Conflict => new Answer(AnswerKind.Refused, status, error),
                HttpStatusCode.Unauthorized or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                    or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                    => new Answer(AnswerKind.Unreachable, status, error),
                _ when status >= 500 => new Answer(AnswerKind.Failed, status, error),
                _ => new Answer(AnswerKind.Refused, status, error),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Answer(AnswerKind.Unreachable, null, $"No answer within {settings.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            return new Answer(AnswerKind.Unreachable, null, Truncate($"Cannot reach the target: {exception.Message}"));
        }
    }

    internal static Uri StatementsUri(Uri endpoint) => new(endpoint.AbsoluteUri.TrimEnd('/') + "/statements");

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return Truncate(text.ReplaceLineEndings(" "));
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            return "(no body)";
        }
    }

    private static string Truncate(string text) => text.Length <= ErrorTextLength ? text : text[..ErrorTextLength] + "...";

    [LoggerMessage(Level = LogLevel.Warning, Message = "LRS forwarding target {TargetId}: statement {StatementId} (sequence {Sequence}) dead-lettered: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid targetId, Guid statementId, long sequence, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LRS forwarding target {TargetId}: attempt {Attempts} failed, next in {Delay}: {Error}")]
    private static partial void LogRetrying(ILogger logger, Guid targetId, int attempts, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "LRS forwarding target {TargetId}: its password cannot be decrypted with this silo's key; not forwarding to it.")]
    private static partial void LogCannotDecrypt(ILogger logger, Exception exception, Guid targetId);

    private enum AnswerKind
    {
        Delivered,

        /// <summary>A 4xx answer: this request will never succeed as it is.</summary>
        Refused,

        /// <summary>A server error answering this request: retried, then dead-lettered.</summary>
        Failed,

        /// <summary>No usable answer (outage, overload, credentials): retried without limit.</summary>
        Unreachable,
    }

    private sealed record Answer(AnswerKind Kind, int? StatusCode, string Error);
}
