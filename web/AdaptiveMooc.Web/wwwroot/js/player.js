// Reports what happens on a lesson's <video> or <audio> element to the lesson page (Blazor), which posts the
// xAPI video profile statements through the web app's server (docs/CONTENT.md, "Player statements").
// Keeps the segments actually played, so the watched share is what was seen, not how far the learner skipped.
export function attach(element, page) {
    const played = [];
    let start = null;
    let lastTime = 0;
    let sinceReport = 0;

    const close = (end) => {
        if (start !== null && end > start) {
            played.push([start, end]);
            sinceReport += end - start;
        }
        start = null;
    };
    const merged = () => {
        const sorted = played.map(s => [s[0], s[1]]).sort((a, b) => a[0] - b[0]);
        const out = [];
        for (const s of sorted) {
            if (out.length > 0 && s[0] <= out[out.length - 1][1]) {
                out[out.length - 1][1] = Math.max(out[out.length - 1][1], s[1]);
            } else {
                out.push(s);
            }
        }
        return out;
    };
    const length = () => (Number.isFinite(element.duration) && element.duration > 0 ? element.duration : 0);
    const report = (event) => {
        const segments = merged();
        const seen = segments.reduce((sum, s) => sum + (s[1] - s[0]), 0);
        const progress = length() > 0 ? Math.min(1, seen / length()) : 0;
        const text = segments.map(s => `${s[0].toFixed(3)}[.]${s[1].toFixed(3)}`).join('[,]');
        const watched = sinceReport;
        sinceReport = 0;
        page.invokeMethodAsync('OnPlayerEventAsync', event, element.currentTime, length(), progress, text, watched);
    };

    const onPlay = () => { start = element.currentTime; report('played'); };
    const onTime = () => { if (!element.seeking) { lastTime = element.currentTime; } };
    const onSeeking = () => { if (start !== null) { close(lastTime); start = element.currentTime; } };
    const onSeeked = () => { lastTime = element.currentTime; report('seeked'); };
    const onPause = () => { if (!element.ended) { close(element.currentTime); report('paused'); } };
    const onEnded = () => { close(element.currentTime); report('ended'); };
    element.addEventListener('play', onPlay);
    element.addEventListener('timeupdate', onTime);
    element.addEventListener('seeking', onSeeking);
    element.addEventListener('seeked', onSeeked);
    element.addEventListener('pause', onPause);
    element.addEventListener('ended', onEnded);
    return {
        detach: () => {
            element.removeEventListener('play', onPlay);
            element.removeEventListener('timeupdate', onTime);
            element.removeEventListener('seeking', onSeeking);
            element.removeEventListener('seeked', onSeeked);
            element.removeEventListener('pause', onPause);
            element.removeEventListener('ended', onEnded);
        },
    };
}
