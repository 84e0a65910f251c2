/** A small valid spec as YAML text (one Flannel cluster); robustness tests append to it. */
export const BASE_SPEC = `region: cn-hangzhou
pools: { vpc: 10.64.0.0/12, pods: 10.128.0.0/12, services: 172.20.0.0/14 }
clusters:
  - name: a
    cni: { plugin: flannel }
    zones: [cn-hangzhou-i]
    nodePools:
      - { name: default, instanceType: ecs.g7.xlarge, size: 3 }
`;
