"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Whether the element has entered the viewport, or come within `margin` of it (and stays true
 * once it has): a chart below the fold loads its library when the reader scrolls to it, not with the page.
 * (Every browser Next.js supports has IntersectionObserver.)
 */
export function useNearViewport<E extends Element>(margin = "0px") {
  const ref = useRef<E>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, margin]);
  return [ref, near] as const;
}
