// tidings explorer: small progressive enhancements; every page works without them.
(function () {
  "use strict";
  var evidence = document.getElementById("evidence");
  if (evidence && evidence.scrollIntoView) {
    evidence.scrollIntoView({ block: "center" });
  }
})();
