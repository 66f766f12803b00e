// The program guide's in-page player. Bundled by esbuild with hls.js into META-INF/resources/player/hls-player.js,
// so the page loads it from the service itself and never from a CDN. guide.js calls window.ContinuityPlayer.
import Hls from 'hls.js';

/**
 * Plays an HLS URL in a <video>: through hls.js (Media Source Extensions) where the browser has them, natively where
 * the browser plays HLS itself (Safari). Returns a function that stops playback and releases the stream.
 */
function play(video, url, onError) {
  if (Hls.isSupported()) {
    const hls = new Hls({ liveSyncDurationCount: 3, enableWorker: true });
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (data.fatal) {
        onError(`${data.type}: ${data.details}`);
        hls.destroy();
      }
    });
    hls.loadSource(url);
    hls.attachMedia(video);
    hls.on(Hls.Events.MANIFEST_PARSED, () => video.play().catch(() => {}));
    return () => hls.destroy();
  }
  if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = url;
    video.play().catch(() => {});
    return () => { video.removeAttribute('src'); video.load(); };
  }
  onError('this browser cannot play HLS');
  return () => {};
}

window.ContinuityPlayer = { play, hlsVersion: Hls.version };
