using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Notifications;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary>
/// The mail of an inbox notification. The address is left to the dispatcher (the account's address when it
/// sends), so the inbox never calls the learner grain back while that grain may be waiting on it.
/// </summary>
public static class NotificationMail
{
    public static OutgoingMail For(string learnerId, LearnerNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var subject = notification.Kind switch
        {
            "session-reminder" => $"Study session coming up ({notification.CourseId})",
            "missed-session" => $"You missed a planned session ({notification.CourseId})",
            "inactive" => $"Time to get back to {notification.CourseId}?",
            "certificate-issued" => $"Your certificate for {notification.CourseId}",
            "forum-reply" => $"New reply in the forum of {notification.CourseId}",
            "webinar-starting" => $"A webinar of {notification.CourseId} starts soon",
            _ => $"News from {notification.CourseId}",
        };
        return new OutgoingMail(
            $"notification:{learnerId}:{notification.Id}", EmailOwner.Learner, learnerId, string.Empty, string.Empty,
            MailCategories.OfNotification(notification.Kind), subject, notification.Message);
    }
}
