import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

/**
 * ECharts is the app's largest library: it loads apart from the page's code, so a page's figures and
 * tables are on screen while the charts' code still arrives. `preloadECharts()` starts it early.
 */
const loadECharts = () => import('./echarts.ts').then((module) => module.echarts);
export const preloadECharts = () => void loadECharts();

interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  /** What the chart shows, for screen readers (the same figures are also in a table on the page). */
  label: string;
  /** GeoJSON a `map` series names, registered under `name` before the option is set. */
  map?: { name: string; geoJson: unknown };
  onClick?(params: { name?: string; data?: unknown }): void;
}

/** One ECharts instance in a div that follows its container's width. */
export function EChart({ option, height, label, map, onClick }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const [registerMap, setRegisterMap] = useState<((name: string, geoJson: unknown) => void) | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    let disposed = false;
    loadECharts().then((echarts) => {
      if (disposed) return;
      instance = echarts.init(element);
      observer = new ResizeObserver(() => instance?.resize());
      observer.observe(element);
      setRegisterMap(() => (name: string, geoJson: unknown) => {
        if (!echarts.getMap(name)) echarts.registerMap(name, geoJson as never);
      });
      setChart(instance);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    if (!chart || !registerMap) return;
    if (map) registerMap(map.name, map.geoJson);
    chart.setOption(option, { notMerge: true });
  }, [chart, registerMap, map, option]);

  useEffect(() => {
    if (!chart || !onClick) return;
    chart.on('click', onClick);
    return () => {
      chart.off('click', onClick);
    };
  }, [chart, onClick]);

  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
